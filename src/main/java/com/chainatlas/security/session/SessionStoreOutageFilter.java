package com.chainatlas.security.session;

import java.io.IOException;

import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.DatabaseOutage;
import com.chainatlas.system.ProblemResponses;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs right inside Spring Session's filter and loads the requested session first: with sessions in the database,
 * loading one fails while the database is down, and the failure would otherwise surface wherever the session is first
 * asked for — or again while the response is being committed, cutting the answer off mid-body. So the session is
 * loaded here, and a database failure becomes the same 503 problem ("数据库暂时无法连接…", Retry-After) as every other
 * request during an outage, before anything is written; the session is neither ended nor changed (its cookie stays).
 */
class SessionStoreOutageFilter extends OncePerRequestFilter {

    /** Just after {@code SessionRepositoryFilter.DEFAULT_ORDER} (Integer.MIN_VALUE + 50): it sees the wrapped request. */
    static final int ORDER = Integer.MIN_VALUE + 51;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getSession(false); // the one load of this request (Spring Session keeps it for the request)
        } catch (RuntimeException e) {
            if (!DatabaseOutage.is(e)) {
                throw e;
            }
            ApiProblem p = DatabaseOutage.problem(e, request.getMethod() + " " + request.getRequestURI());
            response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            ProblemResponses.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
                    p.detailZh(), p.detailEn(), request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
