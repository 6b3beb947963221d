package kg.vareg.backend.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Checks every request to and answer from {@code /api/v1/**} made by any integration test against the committed
 * contract {@code docs/openapi.json} (issue 18 item 2), with Atlassian's swagger-request-validator. Runs first in
 * the servlet chain, so the answers of the security filters (401, 403, 429) are checked too. A violation is
 * recorded in {@link ContractViolations}; {@link ContractCheck} fails the test that caused it.
 *
 * <p>A request the server refuses (4xx) is bad input on purpose: only the answer is checked then (it must be a
 * documented status with the problem+json schema). A successful exchange is checked both ways.
 */
final class ContractValidationFilter extends OncePerRequestFilter {
    private final OpenApiInteractionValidator validator;

    ContractValidationFilter(Path contract) {
        this.validator = OpenApiInteractionValidator.createForSpecificationUrl(contract.toUri().toString())
                .withWhitelist(ValidationErrorsWhitelist.create()
                        .withRule("requests may send amounts as JSON integers (docs/api.md)", WhitelistRules.allOf(
                                WhitelistRules.isRequest(),
                                WhitelistRules.messageContainsSubstring("instance type (integer) does not match any allowed primitive type (allowed: [\"string\"])"))))
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !uri.startsWith("/api/v1/") || uri.startsWith("/api/v1/openapi.json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var req = new ContentCachingRequestWrapper(request, 1 << 20);
        var res = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(req, res);
        } finally {
            try {
                check(req, res);
            } finally {
                res.copyBodyToResponse();
            }
        }
    }

    private void check(ContentCachingRequestWrapper req, ContentCachingResponseWrapper res) {
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        if (method.equals("HEAD") || method.equals("OPTIONS")) return;
        var response = SimpleResponse.Builder.status(res.getStatus()).withBody(res.getContentAsByteArray());
        if (res.getContentType() != null) response.withHeader("Content-Type", res.getContentType());
        for (String name : res.getHeaderNames()) {
            if (!name.equalsIgnoreCase("Content-Type")) response.withHeader(name, res.getHeaders(name).stream().toList());
        }
        String path = req.getRequestURI();
        int status = res.getStatus();
        ValidationReport report;
        boolean multipart = req.getContentType() != null && req.getContentType().startsWith("multipart/");
        if (status >= 400 || multipart) {
            if (status == 404 && res.getContentAsByteArray().length == 0) return;
            report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        } else {
            var request = new SimpleRequest.Builder(method, path);
            for (String name : Collections.list(req.getHeaderNames())) {
                request.withHeader(name, Collections.list(req.getHeaders(name)));
            }
            req.getParameterMap().forEach((name, values) -> {
                if (req.getQueryString() != null && req.getQueryString().contains(name + "=")) request.withQueryParam(name, values);
            });
            byte[] body = req.getContentAsByteArray();
            if (body.length > 0) request.withBody(body);
            report = validator.validate(request.build(), response.build());
        }
        if (report.hasErrors()) {
            ContractViolations.add(method + " " + path + (req.getQueryString() == null ? "" : "?" + req.getQueryString())
                    + " → " + status + ":\n" + report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> "  - " + m.getKey() + ": " + m.getMessage()).reduce((a, b) -> a + "\n" + b).orElse(""));
        }
    }
}
