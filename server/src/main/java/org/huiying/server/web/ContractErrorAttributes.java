package org.huiying.server.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors raised outside controllers (filters, the container) still answer in the contract's
 * shape: {@code {"error","message"}}.
 */
@Component
class ContractErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> spring = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        int status = spring.get("status") instanceof Integer s ? s : 500;
        HttpStatus resolved = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", resolved == null ? "error" : resolved.name().toLowerCase());
        body.put("message", resolved == null ? "Request failed" : resolved.getReasonPhrase());
        return body;
    }
}
