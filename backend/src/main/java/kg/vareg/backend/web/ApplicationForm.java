package kg.vareg.backend.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import kg.vareg.backend.collateral.CollateralType;
import kg.vareg.backend.emissions.CollateralLine;
import kg.vareg.backend.emissions.EmissionTerms;
import kg.vareg.backend.numbering.VirtualAssetType;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Step 1 of the issuer's application wizard: the ¶5 decision data (Annex 1) and one collateral item (¶3-5). A
 * JavaBean so the page keeps exactly what the issuer typed when something is refused.
 */
public class ApplicationForm {
    @NotNull private VirtualAssetType vaType = VirtualAssetType.STABLECOIN;
    @NotNull @Positive private BigInteger quantity;
    @NotNull @Positive private BigInteger minimumQuantity;
    @NotNull @Min(0) @Max(36) private Integer tokenDecimals = 18;
    @NotNull @Positive private BigDecimal nominalValue;
    @NotNull @Pattern(regexp = "^[A-Z]{3}$") private String nominalCurrency = "KGS";
    @NotBlank @Size(max = 2000) private String placementPrice;
    @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate placementStart;
    @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate placementEnd;
    @NotBlank @Size(max = 10000) private String placementTerms;
    @Size(max = 10000) private String presaleTerms;
    @NotBlank @Size(max = 10000) private String circulationTerms;
    @Size(max = 10000) private String holdersRights;
    @NotBlank @Size(max = 200) private String blockchain;
    @NotBlank @Pattern(regexp = "^0x[0-9a-fA-F]{40}$") private String issuerWallet;
    @NotBlank @Pattern(regexp = "^0x[0-9a-fA-F]{40}$") private String tokenAddress;
    @NotNull private CollateralType collateralType = CollateralType.MONEY;
    @NotNull @DecimalMin(value = "0", inclusive = false) private BigDecimal collateralValue;
    @NotNull @Pattern(regexp = "^[A-Z]{3}$") private String collateralCurrency = "KGS";
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate collateralAppraisalDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate collateralRegisteredOn;
    @Size(max = 500) private String collateralRegisteredWith;
    @NotBlank @Size(max = 2000) private String collateralDescription;

    EmissionTerms terms() {
        return new EmissionTerms(vaType, quantity, minimumQuantity, tokenDecimals, nominalValue, nominalCurrency, placementPrice,
                placementStart, placementEnd, placementTerms, blankToNull(presaleTerms), circulationTerms,
                blankToNull(holdersRights), blockchain, issuerWallet, tokenAddress, null, null);
    }

    List<CollateralLine> collateral() {
        return List.of(new CollateralLine(collateralType, collateralValue, collateralCurrency, collateralAppraisalDate,
                collateralRegisteredOn, blankToNull(collateralRegisteredWith), collateralDescription));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public VirtualAssetType getVaType() { return vaType; }
    public void setVaType(VirtualAssetType v) { this.vaType = v; }
    public BigInteger getQuantity() { return quantity; }
    public void setQuantity(BigInteger v) { this.quantity = v; }
    public BigInteger getMinimumQuantity() { return minimumQuantity; }
    public void setMinimumQuantity(BigInteger v) { this.minimumQuantity = v; }
    public Integer getTokenDecimals() { return tokenDecimals; }
    public void setTokenDecimals(Integer v) { this.tokenDecimals = v; }
    public BigDecimal getNominalValue() { return nominalValue; }
    public void setNominalValue(BigDecimal v) { this.nominalValue = v; }
    public String getNominalCurrency() { return nominalCurrency; }
    public void setNominalCurrency(String v) { this.nominalCurrency = v; }
    public String getPlacementPrice() { return placementPrice; }
    public void setPlacementPrice(String v) { this.placementPrice = v; }
    public LocalDate getPlacementStart() { return placementStart; }
    public void setPlacementStart(LocalDate v) { this.placementStart = v; }
    public LocalDate getPlacementEnd() { return placementEnd; }
    public void setPlacementEnd(LocalDate v) { this.placementEnd = v; }
    public String getPlacementTerms() { return placementTerms; }
    public void setPlacementTerms(String v) { this.placementTerms = v; }
    public String getPresaleTerms() { return presaleTerms; }
    public void setPresaleTerms(String v) { this.presaleTerms = v; }
    public String getCirculationTerms() { return circulationTerms; }
    public void setCirculationTerms(String v) { this.circulationTerms = v; }
    public String getHoldersRights() { return holdersRights; }
    public void setHoldersRights(String v) { this.holdersRights = v; }
    public String getBlockchain() { return blockchain; }
    public void setBlockchain(String v) { this.blockchain = v; }
    public String getIssuerWallet() { return issuerWallet; }
    public void setIssuerWallet(String v) { this.issuerWallet = v == null ? null : v.trim(); }
    public String getTokenAddress() { return tokenAddress; }
    public void setTokenAddress(String v) { this.tokenAddress = v == null ? null : v.trim(); }
    public CollateralType getCollateralType() { return collateralType; }
    public void setCollateralType(CollateralType v) { this.collateralType = v; }
    public BigDecimal getCollateralValue() { return collateralValue; }
    public void setCollateralValue(BigDecimal v) { this.collateralValue = v; }
    public String getCollateralCurrency() { return collateralCurrency; }
    public void setCollateralCurrency(String v) { this.collateralCurrency = v; }
    public LocalDate getCollateralAppraisalDate() { return collateralAppraisalDate; }
    public void setCollateralAppraisalDate(LocalDate v) { this.collateralAppraisalDate = v; }
    public LocalDate getCollateralRegisteredOn() { return collateralRegisteredOn; }
    public void setCollateralRegisteredOn(LocalDate v) { this.collateralRegisteredOn = v; }
    public String getCollateralRegisteredWith() { return collateralRegisteredWith; }
    public void setCollateralRegisteredWith(String v) { this.collateralRegisteredWith = v; }
    public String getCollateralDescription() { return collateralDescription; }
    public void setCollateralDescription(String v) { this.collateralDescription = v; }
}
