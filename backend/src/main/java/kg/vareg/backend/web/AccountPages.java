package kg.vareg.backend.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.accounts.AccountAdministration;
import kg.vareg.backend.accounts.AccountAdministration.AccountView;
import kg.vareg.backend.accounts.AccountError;
import kg.vareg.backend.accounts.AccountJournal;
import kg.vareg.backend.issuers.Issuer;
import kg.vareg.backend.issuers.IssuerService;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.CurrentActor;
import kg.vareg.backend.security.CurrentActors;
import kg.vareg.backend.security.Totp;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account pages (issue 14): the administrator's list, creation, and per-account commands under
 * {@code /console/accounts} (URL rule: ADMINISTRATOR; {@link AccountAdministration} checks again), and the
 * logged-in account's own page {@code /account}: change the password (required after a one-time password), turn
 * on the TOTP second factor (staff). A one-time password is shown once, on the page after the command.
 */
@Controller
class AccountPages {
    private static final List<ActorRole> ROLES = List.of(ActorRole.REGISTRAR, ActorRole.SUPERVISOR, ActorRole.ADMINISTRATOR, ActorRole.ISSUER);
    private final AccountAdministration accounts;
    private final AccountJournal journal;
    private final IssuerService issuers;
    private final CurrentActors actors;

    AccountPages(AccountAdministration accounts, AccountJournal journal, IssuerService issuers, CurrentActors actors) {
        this.accounts = accounts;
        this.journal = journal;
        this.issuers = issuers;
        this.actors = actors;
    }

    @GetMapping("/console/accounts")
    String list(@RequestParam Optional<String> search, @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentActor actor = actors.current();
        var result = accounts.list(actor, search, page, 25);
        model.addAttribute("accounts", result.items());
        model.addAttribute("page", result.page());
        model.addAttribute("hasNext", (long) (result.page() + 1) * result.size() < result.totalItems());
        model.addAttribute("total", result.totalItems());
        model.addAttribute("search", search.orElse(""));
        model.addAttribute("roles", ROLES);
        model.addAttribute("issuers", issuerChoices(actor));
        model.addAttribute("events", journal.latest(null, 20));
        if (!model.containsAttribute("form")) model.addAttribute("form", new NewAccountForm("", ActorRole.REGISTRAR, null));
        return "console/accounts";
    }

    record NewAccountForm(String username, ActorRole role, UUID issuerId) {}

    @PostMapping("/console/accounts")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(required = false) ActorRole role,
            @RequestParam(required = false) String issuerId, RedirectAttributes ra) {
        UUID issuer = null;
        try {
            issuer = issuerId == null || issuerId.isBlank() ? null : UUID.fromString(issuerId);
            var issued = accounts.create(actors.current(), username.strip(), role, issuer, Optional.empty());
            ra.addFlashAttribute("successKey", "accounts.created");
            ra.addFlashAttribute("oneTimePassword", issued.oneTimePassword());
            return "redirect:/console/accounts/" + issued.account().username();
        } catch (IllegalArgumentException notUuid) {
            refused(ra, new AccountError("issuerId", "issuerUnknown", "no issuer with this id"));
        } catch (AccountError e) {
            refused(ra, e);
        }
        ra.addFlashAttribute("form", new NewAccountForm(username, role, issuer));
        return "redirect:/console/accounts";
    }

    @GetMapping("/console/accounts/{username}")
    String account(@PathVariable String username, Model model) {
        CurrentActor actor = actors.current();
        AccountView account;
        try {
            account = accounts.get(actor, username);
        } catch (AccountError e) {
            throw new kg.vareg.backend.api.NotFoundException("no such account");
        }
        model.addAttribute("account", account);
        model.addAttribute("self", account.username().equals(actor.username()));
        model.addAttribute("issuerName", account.issuerId().flatMap(issuers::find).map(Issuer::fullName).orElse(null));
        model.addAttribute("roles", ROLES);
        model.addAttribute("issuers", issuerChoices(actor));
        model.addAttribute("events", journal.latest(username, 50));
        return "console/account";
    }

    @PostMapping("/console/accounts/{username}/{action:disable|enable|reset}")
    String command(@PathVariable String username, @PathVariable String action, RedirectAttributes ra) {
        CurrentActor actor = actors.current();
        try {
            switch (action) {
                case "disable" -> accounts.disable(actor, username);
                case "enable" -> accounts.enable(actor, username);
                default -> ra.addFlashAttribute("oneTimePassword", accounts.resetPassword(actor, username).oneTimePassword());
            }
            ra.addFlashAttribute("successKey", "accounts.done." + action);
        } catch (AccountError e) {
            refused(ra, e);
        }
        return "redirect:/console/accounts/" + username;
    }

    @PostMapping("/console/accounts/{username}/role")
    String role(@PathVariable String username, @RequestParam(required = false) ActorRole role,
            @RequestParam(required = false) String issuerId, RedirectAttributes ra) {
        try {
            UUID issuer = issuerId == null || issuerId.isBlank() ? null : UUID.fromString(issuerId);
            accounts.changeRole(actors.current(), username, role, issuer);
            ra.addFlashAttribute("successKey", "accounts.done.role");
        } catch (IllegalArgumentException notUuid) {
            refused(ra, new AccountError("issuerId", "issuerUnknown", "no issuer with this id"));
        } catch (AccountError e) {
            refused(ra, e);
        }
        return "redirect:/console/accounts/" + username;
    }

    @GetMapping("/account")
    String own(Model model) {
        CurrentActor actor = actors.current();
        model.addAttribute("account", accounts.own(actor).orElse(null));
        model.addAttribute("actor", actor);
        return "account/home";
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("mustChange", accounts.own(actors.current()).map(AccountView::mustChangePassword).orElse(false));
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String repeatPassword, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes ra) {
        try {
            if (!newPassword.equals(repeatPassword)) throw new AccountError("repeatPassword", "repeatDiffers", "the two new passwords differ");
            accounts.changeOwnPassword(actors.current(), currentPassword, newPassword);
        } catch (AccountError e) {
            refused(ra, e);
            return "redirect:/account/password";
        }
        // The credentials version changed, so every session of the account (this one too) ends: log in anew.
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/login?changed";
    }

    @GetMapping("/account/totp")
    String totpForm(Model model) {
        CurrentActor actor = actors.current();
        String secret = model.containsAttribute("secret") ? (String) model.getAttribute("secret") : Totp.newSecret();
        model.addAttribute("secret", secret);
        model.addAttribute("uri", Totp.uri("vareg", actor.username(), secret));
        model.addAttribute("enabled", accounts.own(actor).map(AccountView::totp).orElse(false));
        return "account/totp";
    }

    @PostMapping("/account/totp")
    String enableTotp(@RequestParam(defaultValue = "") String secret, @RequestParam(defaultValue = "") String code, RedirectAttributes ra) {
        try {
            accounts.enableTotp(actors.current(), secret, code);
            ra.addFlashAttribute("successKey", "accounts.totp.enabled");
            return "redirect:/account";
        } catch (AccountError e) {
            refused(ra, e);
            ra.addFlashAttribute("secret", secret);
            return "redirect:/account/totp";
        }
    }

    private List<Issuer> issuerChoices(CurrentActor actor) {
        // Issuers are listed for staff; the administrator picks the issuer an issuer account belongs to.
        return issuers.all(actor).stream().sorted(Comparator.comparing(Issuer::fullName)).toList();
    }

    private static void refused(RedirectAttributes ra, AccountError e) {
        ra.addFlashAttribute("accountErrorField", e.field());
        ra.addFlashAttribute("accountErrorKey", "account.error." + e.code());
    }
}
