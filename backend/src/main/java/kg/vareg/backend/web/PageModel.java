package kg.vareg.backend.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: the viewer's role (REGISTRAR, SUPERVISOR, ISSUER) or null for a visitor. */
@ControllerAdvice(basePackages = {"kg.vareg.backend.web", "kg.vareg.backend.extracts"})
class PageModel {
    private final kg.vareg.backend.register.RegisterClock clock;

    PageModel(kg.vareg.backend.register.RegisterClock clock) {
        this.clock = clock;
    }

    /** The register's date when it runs on a training clock (shown as a banner on every page), else null. */
    @ModelAttribute("trainingDate")
    java.time.LocalDate trainingDate() {
        return clock.training().map(o -> java.time.LocalDate.now(clock)).orElse(null);
    }

    /** The page's language (ky, ru or en) for the lang attribute and the language switch. */
    @ModelAttribute("pageLang")
    String pageLang(java.util.Locale locale) {
        return WebMvcConfig.supported(locale).getLanguage();
    }

    @ModelAttribute("viewer")
    String viewer() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated()) return null;
        return a.getAuthorities().stream().map(g -> g.getAuthority())
                .filter(s -> s.startsWith("ROLE_") && !s.equals("ROLE_ANONYMOUS")).map(s -> s.substring(5)).findFirst().orElse(null);
    }
}
