package kg.vareg.backend.web;

import jakarta.servlet.http.HttpServletResponse;
import kg.vareg.backend.api.NotFoundException;
import kg.vareg.backend.register.InvalidRegistrationNumberException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors on pages are pages (in the visitor's language), not problem+json; the API keeps its own handler. */
@ControllerAdvice(basePackages = {"kg.vareg.backend.web", "kg.vareg.backend.extracts"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        return "error-page";
    }

    /** #19 item 6: a malformed registration number in a page's address is a 400 page naming the reason (¶67-68). */
    @ExceptionHandler(InvalidRegistrationNumberException.class)
    String badNumber(InvalidRegistrationNumberException e, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("reason", e.getMessage());
        return "error-page";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, HttpServletResponse response, Model model) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        return "error-page";
    }
}
