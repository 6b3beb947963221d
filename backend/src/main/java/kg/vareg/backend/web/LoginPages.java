package kg.vareg.backend.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and where each role lands after it. */
@Controller
class LoginPages {
    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/login/next")
    String next(Authentication auth) {
        if (auth == null) return "redirect:/login";
        boolean issuer = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ISSUER"));
        boolean administrator = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMINISTRATOR"));
        return issuer ? "redirect:/portal" : administrator ? "redirect:/console/accounts" : "redirect:/console";
    }
}
