package com.chainatlas.security;

import java.util.Map;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Who may call what (docs/security.md): sign-in by session (browser, with CSRF) or HTTP Basic (scripts: no session,
 * no CSRF), roles by path, problem JSON for 401/403. The app's own filters (RequestGuardFilter, SecurityHeadersFilter)
 * run before this chain, so bad input is refused with 400 whether or not the caller is signed in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemHandlers problems, AuthenticationManager manager,
                                            CookieCsrfTokenRepository csrfTokens,
                                            HttpSessionSecurityContextRepository sessions, AccountFreshness freshness,
                                            AuditLog audit) throws Exception {
        http.authenticationManager(manager)
                .authorizeHttpRequests(a -> a
                        // authorised on the original request already; errors render as problem JSON
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/api/auth/login", "/api/auth/csrf").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/api/auth/**").authenticated()
                        .requestMatchers("/api/admin/**", "/api/import/**", "/api/assignment/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/settings/**").hasRole("ADMIN") // runtime settings
                        .requestMatchers(AccessRules::isDownload).hasRole("ANALYST")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole("VIEWER")
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasRole("VIEWER")
                        .requestMatchers("/api/**").hasRole("ANALYST")
                        .requestMatchers("/actuator/**", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**",
                                "/swagger-ui.html").hasRole("VIEWER")
                        .anyRequest().permitAll()) // the SPA's static files (hash routing: /, /index.html, /assets/**)
                .csrf(c -> c.spa().csrfTokenRepository(csrfTokens).ignoringRequestMatchers(AccessRules::hasAuthorization))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                // a session whose account changed since sign-in ends here (not a bean: it must not run outside the chain)
                .addFilterAfter(new SessionFreshness(freshness, audit), CsrfCookieFilter.class)
                .httpBasic(b -> b.authenticationEntryPoint(problems).withObjectPostProcessor(new ObjectPostProcessor<BasicAuthenticationFilter>() {
                    @Override
                    public <O extends BasicAuthenticationFilter> O postProcess(O filter) {
                        // scripts: the sign-in lasts for this request only, no session is created
                        filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
                        return filter;
                    }
                }))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .securityContext(c -> c.securityContextRepository(
                        new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), sessions)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                // SecurityHeadersFilter sets CSP, nosniff, frame and referrer headers for every response
                .headers(h -> h.disable());
        return http.build();
    }

    @Bean
    HttpSessionSecurityContextRepository sessionSecurityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    CookieCsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository r = CookieCsrfTokenRepository.withHttpOnlyFalse();
        r.setCookiePath("/");
        r.setCookieCustomizer(c -> c.sameSite("Lax"));
        return r;
    }

    @Bean
    AuthenticationManager authenticationManager(AccountAuthenticationProvider provider) {
        ProviderManager m = new ProviderManager(provider);
        m.setEraseCredentialsAfterAuthentication(true);
        return m;
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role("ADMIN").implies("ANALYST").role("ANALYST").implies("VIEWER").build();
    }

    /** bcrypt at the configured cost, behind Spring's delegating encoder so stored hashes say their algorithm. */
    @Bean
    PasswordEncoder passwordEncoder(SecuritySettings settings) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(settings.bcryptStrength())));
    }
}
