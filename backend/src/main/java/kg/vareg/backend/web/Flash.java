package kg.vareg.backend.web;

import kg.vareg.backend.api.ConflictException;
import kg.vareg.backend.api.InvalidFieldException;
import kg.vareg.backend.kernel.RuleViolation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a command from a page and reports its outcome on the next page (post/redirect/get). A rule of the
 * regulation that forbids the step is shown with its ¶, as the domain states it.
 */
final class Flash {
    private Flash() {}

    static boolean run(RedirectAttributes ra, String successKey, Runnable command) {
        try {
            command.run();
            ra.addFlashAttribute("successKey", successKey);
            return true;
        } catch (kg.vareg.backend.security.DecisionProposed proposed) {
            // Four-eyes (docs/security.md): the first staff member's decision is a proposal until a second confirms.
            ra.addFlashAttribute("successKey", "console.proposed");
            return true;
        } catch (RuleViolation e) {
            ra.addFlashAttribute("errorParagraph", e.paragraph());
            ra.addFlashAttribute("errorText", e.getMessage());
            ra.addFlashAttribute("errorDetails", e.details());
        } catch (InvalidFieldException e) {
            ra.addFlashAttribute("errorField", e.field());
            ra.addFlashAttribute("errorText", e.getMessage());
        } catch (ConflictException | AccessDeniedException e) {
            ra.addFlashAttribute("errorText", e.getMessage());
        }
        return false;
    }
}
