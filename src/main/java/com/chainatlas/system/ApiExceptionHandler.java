package com.chainatlas.system;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error leaves as an RFC 9457 problem detail; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final DataSize maxUpload;

    ApiExceptionHandler(@Value("${spring.servlet.multipart.max-file-size:50MB}") DataSize maxUpload) {
        this.maxUpload = maxUpload;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(e.status(), e.detailZh(), e.detailEn()));
    }

    @ExceptionHandler({IllegalArgumentException.class, ConstraintViolationException.class})
    ProblemDetail badArgument(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "参数无效: " + e.getMessage(), "Invalid parameter: " + e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, jakarta.servlet.http.HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // the client went away mid-response (closed tab, cancelled download): nothing to answer, no stack trace
            log.info("Client disconnected: {}", e.toString());
            return null;
        }
        if (DatabaseOutage.is(e)) { // an external Neo4j stopped: 503 + Retry-After, the driver reconnects by itself
            return apiProblem(DatabaseOutage.problem(e, request.getMethod() + " " + request.getRequestURI()));
        }
        log.error("Unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请稍后重试或联系管理员",
                        "Internal error; please retry or contact the administrator"));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Tomcat reports -1 as the limit it enforced; state the configured one
        long limit = ex.getMaxUploadSize() > 0 ? ex.getMaxUploadSize() : maxUpload.toBytes();
        String mb = limit % (1 << 20) == 0 ? (limit >> 20) + " MB" : limit + " 字节";
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                "文件超过上传大小限制（" + mb + "）", "File exceeds the upload size limit (" + limit + " bytes)"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // Spring's own MVC errors (bad types, missing parameters...) get the bilingual fields too.
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail pd && pd.getProperties() == null) {
            String en = pd.getDetail() == null ? pd.getTitle() : pd.getDetail();
            pd.setProperty("detailEn", en);
            pd.setDetail("请求无效: " + en);
        }
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String en = ex.getAllErrors().stream().map(err -> err.getDefaultMessage()).reduce((a, b) -> a + "; " + b)
                .orElse("validation failed");
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "参数无效: " + en, "Invalid parameter: " + en));
    }

    static ProblemDetail problem(HttpStatus status, String zh, String en) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, zh);
        pd.setProperty("detailEn", en);
        return pd;
    }
}
