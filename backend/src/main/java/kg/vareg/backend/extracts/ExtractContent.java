package kg.vareg.backend.extracts;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.register.RegisterEntry;
import org.springframework.context.MessageSource;

/**
 * The ¶62 content of an extract, as stable key → raw value (ISO dates, plain decimal numbers) — what the journal
 * records — and its display in the extract's language. Founders' data is not part of a register entry (¶66).
 */
final class ExtractContent {
    private ExtractContent() {}

    static Map<String, String> of(RegisterEntry e) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("registrationNumber", e.registrationNumber());
        m.put("numberStatus", e.numberStatus());
        m.put("state", e.state());
        m.put("issuerFullName", e.issuer().fullName());
        m.put("issuerLegalForm", e.issuer().legalForm());
        m.put("issuerStateRegistration", e.issuer().stateRegistrationData());
        m.put("issuerLegalAddress", e.issuer().legalAddress());
        m.put("issuerStatus", e.issuer().status());
        m.put("vaType", e.vaType());
        m.put("quantity", e.quantity());
        m.put("nominalValue", e.nominalValue().toPlainString() + " " + e.nominalCurrency());
        m.put("placementPrice", e.placementPrice());
        m.put("placementStart", e.placementStart().toString());
        m.put("placementEnd", e.placementEnd().toString());
        m.put("registeredOn", e.registeredOn() == null ? null : e.registeredOn().toString());
        m.put("numberCancelledOn", e.numberCancelledOn() == null ? null : e.numberCancelledOn().toString());
        m.put("blockchain", e.blockchain());
        m.put("tokenAddress", e.tokenAddress());
        m.put("issuerWallet", e.issuerWallet());
        m.put("whitePaperSha256", e.whitePaperSha256());
        return m;
    }

    static String display(String key, String value, Locale l, MessageSource messages) {
        if (value == null) return "—";
        return switch (key) {
            case "state" -> messages.getMessage("state." + value, null, value, l);
            case "vaType" -> messages.getMessage("vaType." + value, null, value, l);
            case "issuerStatus" -> messages.getMessage("issuerStatus." + value, null, value, l);
            case "numberStatus" -> messages.getMessage("extract.numberStatus." + value, null, value, l);
            case "placementStart", "placementEnd", "registeredOn", "numberCancelledOn" ->
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(l).format(LocalDate.parse(value));
            case "quantity" -> NumberFormat.getIntegerInstance(l).format(new java.math.BigInteger(value));
            case "nominalValue" -> {
                String[] parts = value.split(" ");
                NumberFormat f = NumberFormat.getNumberInstance(l);
                f.setMaximumFractionDigits(18);
                yield f.format(new BigDecimal(parts[0])) + " " + parts[1];
            }
            default -> value;
        };
    }

    static String dateTime(Instant t, Locale l) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(l).withZone(RegisterClock.ZONE).format(t);
    }
}
