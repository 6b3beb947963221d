package kg.vareg.backend.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Four-eyes proposals of an emission: list, withdraw. Confirming = sending the same decision as another staff member. */
@RestController
@RequestMapping("/api/v1/emissions/{id}/proposals")
@Tag(name = "Four-eyes", description = "Registration, refusal, suspension, invalidity (¶25(3)), not genuine (¶52) and"
        + " cancellation take effect only when a second staff member confirms")
class ProposalController {
    private final FourEyes fourEyes;
    private final CurrentActors actors;

    ProposalController(FourEyes fourEyes, CurrentActors actors) {
        this.fourEyes = fourEyes;
        this.actors = actors;
    }

    @GetMapping
    @Operation(summary = "Proposals of the emission (staff)")
    List<ProposalView> list(@PathVariable UUID id) {
        return fourEyes.proposals(id, actors.current()).stream().map(ProposalView::of).toList();
    }

    @PostMapping("/{proposalId}/withdraw")
    @Operation(summary = "Withdraw a pending proposal (staff); journaled")
    ProposalView withdraw(@PathVariable UUID id, @PathVariable UUID proposalId) {
        return ProposalView.of(fourEyes.withdraw(id, proposalId, actors.current()));
    }
}
