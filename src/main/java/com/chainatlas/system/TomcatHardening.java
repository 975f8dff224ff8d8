package com.chainatlas.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own refusals answer as problem details too: an encoded slash ({@code %2F}) in a path is passed through
 * to Spring (which then answers 404/400 as any unknown id), and whatever Tomcat still rejects before the
 * application sees it (a malformed request line, a bad path encoding) is reported as problem JSON instead of
 * Tomcat's HTML error page.
 */
@Component
class TomcatHardening implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            if (host instanceof StandardHost h) {
                h.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report as an RFC 9457 problem detail, never a stack trace or server version. */
    public static class ProblemErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String zh = status == 400 ? "请求无效（路径或参数的编码不正确）" : status >= 500 ? "服务器内部错误，请稍后重试" : "请求无法处理";
            String body = ProblemResponses.body(status, title, zh, title, null);
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response already closed: nothing more to tell it
            }
            response.getCoyoteResponse().action(ActionCode.CLOSE, null);
        }
    }
}
