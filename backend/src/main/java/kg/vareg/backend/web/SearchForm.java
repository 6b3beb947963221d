package kg.vareg.backend.web;

import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;

/** The register page's filters, as typed (kept on the page with their errors). */
public class SearchForm {
    @Pattern(regexp = "^[A-Za-z0-9]{0,11}$")
    private String number;
    private String issuer;
    @Pattern(regexp = "^(0x[0-9a-fA-F]{40})?$")
    private String tokenAddress;
    @Pattern(regexp = "^(|DRAFT|SUBMITTED|REFUSED|REGISTERED|OFFER_DISCLOSED|PLACEMENT|SUSPENDED|RESULTS_REPORTED|SUCCESSFUL|UNSUCCESSFUL|INVALID|NOT_GENUINE|CANCELLED)$")
    private String state;
    @Pattern(regexp = "^(|STABLECOIN|DIGITAL_TOKEN)$")
    private String type;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
    private int page;

    RegisterSearch.Filter filter() {
        return new RegisterSearch.Filter(opt(number), opt(issuer), opt(tokenAddress), opt(state), opt(type),
                Optional.ofNullable(from), Optional.ofNullable(to));
    }

    private static Optional<String> opt(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number == null ? null : number.trim(); }
    public String getIssuer() { return issuer; }
    public void setIssuer(String issuer) { this.issuer = issuer; }
    public String getTokenAddress() { return tokenAddress; }
    public void setTokenAddress(String tokenAddress) { this.tokenAddress = tokenAddress == null ? null : tokenAddress.trim(); }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = Math.max(0, page); }
}
