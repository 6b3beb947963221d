package kg.vareg.backend.accounts;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.accounts.AccountAdministration.AccountPage;
import kg.vareg.backend.accounts.AccountAdministration.AccountView;
import kg.vareg.backend.accounts.AccountAdministration.Issued;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.CurrentActors;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts through the API (docs/operations.md "Accounts"): the administrator's commands under
 * {@code /api/v1/accounts}, and {@code /api/v1/account} for the logged-in account itself. Answers carrying a
 * one-time password are {@code Cache-Control: no-store}.
 */
@RestController
class AccountController {
    private final AccountAdministration accounts;
    private final AccountJournal journal;
    private final CurrentActors actors;

    AccountController(AccountAdministration accounts, AccountJournal journal, CurrentActors actors) {
        this.accounts = accounts;
        this.journal = journal;
        this.actors = actors;
    }

    record NewAccount(String username, ActorRole role, UUID issuerId, String password) {}

    record RoleChange(ActorRole role, UUID issuerId) {}

    record PasswordChange(String currentPassword, String newPassword) {}

    @GetMapping("/api/v1/accounts")
    AccountPage list(@RequestParam Optional<String> search, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return accounts.list(actors.current(), search, page, size);
    }

    @GetMapping("/api/v1/accounts/{username}")
    AccountView get(@PathVariable String username) {
        return accounts.get(actors.current(), username);
    }

    @GetMapping("/api/v1/accounts/{username}/events")
    List<AccountJournal.Event> events(@PathVariable String username) {
        accounts.get(actors.current(), username);
        return journal.latest(username, 100);
    }

    @PostMapping("/api/v1/accounts")
    ResponseEntity<Issued> create(@RequestBody NewAccount body) {
        Issued issued = accounts.create(actors.current(), body.username(), body.role(), body.issuerId(), Optional.ofNullable(body.password()));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + issued.account().username()))
                .cacheControl(CacheControl.noStore()).body(issued);
    }

    @PostMapping("/api/v1/accounts/{username}/disable")
    AccountView disable(@PathVariable String username) {
        return accounts.disable(actors.current(), username);
    }

    @PostMapping("/api/v1/accounts/{username}/enable")
    AccountView enable(@PathVariable String username) {
        return accounts.enable(actors.current(), username);
    }

    @PostMapping("/api/v1/accounts/{username}/reset-password")
    ResponseEntity<Issued> reset(@PathVariable String username) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(accounts.resetPassword(actors.current(), username));
    }

    @PutMapping("/api/v1/accounts/{username}/role")
    AccountView role(@PathVariable String username, @RequestBody RoleChange body) {
        return accounts.changeRole(actors.current(), username, body.role(), body.issuerId());
    }

    @GetMapping("/api/v1/account")
    ResponseEntity<AccountView> own() {
        return accounts.own(actors.current()).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/api/v1/account/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange body) {
        accounts.changeOwnPassword(actors.current(), body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }
}
