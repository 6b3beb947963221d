package kg.vareg.backend.register;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the register runs on a training clock, every response says so ({@value #HEADER}: the register's date), so
 * that no client mistakes a training system's answers for the real register's (pages show a banner as well).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrainingClockHeader extends OncePerRequestFilter {
    static final String HEADER = "Vareg-Training-Clock";
    private final RegisterClock clock;

    TrainingClockHeader(RegisterClock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (clock.training().isPresent()) {
            response.setHeader(HEADER, LocalDate.now(clock).toString());
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
