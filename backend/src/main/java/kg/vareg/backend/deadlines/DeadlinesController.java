package kg.vareg.backend.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import kg.vareg.backend.security.CurrentActors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/deadlines")
@Tag(name = "Deadlines", description = "What is due, by whom, when, and what is overdue")
class DeadlinesController {
    private final DeadlineService deadlines;
    private final CurrentActors actors;

    DeadlinesController(DeadlineService deadlines, CurrentActors actors) {
        this.deadlines = deadlines;
        this.actors = actors;
    }

    @GetMapping
    @Operation(summary = "Deadlines", description = "Computed from the working-day calendar: registration decision (¶10, 20 WD), "
            + "white paper answer (¶7, 10 WD), results report (¶30, 30 CD), results decision (¶34, 10 WD), cure (¶37, 10 WD), "
            + "notices: registration decision delivery (¶11, no term), success decision (¶38, 3 WD), refusal of success (¶39, 3 WD), "
            + "the issuer's disclosure to the trading operator (¶40, 5 WD), cancellation prior notice (¶55, next day), written "
            + "confirmation (¶55, 3 WD) and website publication (¶56, 5 WD) — DUE / OVERDUE until recorded, then DONE "
            + "(includeDone=false hides them); fee instalments and notices (¶28, 5 / 10 WD after each quarter). "
            + "Staff see all; an issuer only its own.")
    List<Deadline> list(@RequestParam(defaultValue = "false") boolean overdueOnly,
            @RequestParam Optional<kg.vareg.backend.kernel.ActorRole> dueBy,
            @RequestParam(defaultValue = "true") boolean includeDone) {
        return deadlines.due(actors.current(), overdueOnly, dueBy.map(Enum::name), includeDone);
    }
}
