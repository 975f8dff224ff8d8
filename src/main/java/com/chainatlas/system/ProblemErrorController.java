package com.chainatlas.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error path (what a filter or the servlet container reports with sendError) answers with a
 * problem detail in Chinese like every API error, instead of Boot's {timestamp, error, path} body.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.resolve(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String zh = switch (status) {
            case NOT_FOUND -> "未找到请求的资源";
            case METHOD_NOT_ALLOWED -> "不支持该请求方法";
            case BAD_REQUEST -> "请求无效";
            case PAYLOAD_TOO_LARGE -> "请求体超过大小限制";
            default -> status.is5xxServerError() ? "服务器内部错误，请稍后重试或联系管理员" : "请求无法处理";
        };
        ProblemDetail pd = ApiExceptionHandler.problem(status, zh, status.getReasonPhrase());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String s) {
            try {
                pd.setInstance(java.net.URI.create(s));
            } catch (IllegalArgumentException e) {
                // a malformed path stays out of the answer
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
