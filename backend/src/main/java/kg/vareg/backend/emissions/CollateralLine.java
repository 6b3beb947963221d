package kg.vareg.backend.emissions;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.LocalDate;
import kg.vareg.backend.collateral.CollateralItem;
import kg.vareg.backend.collateral.CollateralType;

/** One collateral item of the emission as stored (¶3-5..3-9); {@link #toItem()} hands it to the policy. */
@Embeddable
public class CollateralLine {
    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    private CollateralType type;
    @Column(name = "appraised_value", nullable = false, precision = 38, scale = 18)
    private BigDecimal appraisedValue;
    @Column(name = "currency", nullable = false, length = 3)
    private String currency;
    @Column(name = "appraisal_date", nullable = false)
    private LocalDate appraisalDate;
    @Column(name = "registered_on")
    private LocalDate registeredOn;
    @Column(name = "registered_with")
    private String registeredWith;
    @Column(name = "description", nullable = false)
    private String description;

    protected CollateralLine() {}

    public CollateralLine(CollateralType type, BigDecimal appraisedValue, String currency, LocalDate appraisalDate,
            LocalDate registeredOn, String registeredWith, String description) {
        this.type = type;
        this.appraisedValue = appraisedValue;
        this.currency = currency;
        this.appraisalDate = appraisalDate;
        this.registeredOn = registeredOn;
        this.registeredWith = registeredWith;
        this.description = description;
    }

    public CollateralItem toItem() {
        return new CollateralItem(type, appraisedValue, currency, appraisalDate, registeredOn, registeredWith, description);
    }

    /** ¶3-7..3-10: registered with the competent authority / depository / bank before the emission is registered. */
    boolean isRegisteredBy(LocalDate day) {
        return registeredOn != null && registeredWith != null && !registeredWith.isBlank() && !registeredOn.isAfter(day);
    }

    public CollateralType type() { return type; }
    public BigDecimal appraisedValue() { return appraisedValue; }
    public String currency() { return currency; }
    public LocalDate appraisalDate() { return appraisalDate; }
    public LocalDate registeredOn() { return registeredOn; }
    public String registeredWith() { return registeredWith; }
    public String description() { return description; }
}
