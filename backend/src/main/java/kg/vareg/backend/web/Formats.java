package kg.vareg.backend.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import kg.vareg.backend.register.RegisterClock;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and numbers as the visitor's language writes them (used in templates as {@code @fmt}). Amounts stay
 * BigInteger / BigDecimal all the way: NumberFormat formats them without going through double. Times are shown
 * in the register's zone (Asia/Bishkek), which the page says.
 */
@Component("fmt")
public class Formats {

    public String date(LocalDate d) {
        return d == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(d);
    }

    public String dateTime(Instant t) {
        return t == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale())
                .withZone(RegisterClock.ZONE).format(t);
    }

    public String number(Object n) {
        if (n == null) return "";
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMaximumFractionDigits(18);
        return switch (n) {
            case BigInteger b -> f.format(b);
            case BigDecimal b -> f.format(b);
            case Number x -> f.format(x);
            case String s when !s.isBlank() -> {
                try {
                    yield f.format(new BigDecimal(s));
                } catch (NumberFormatException e) {
                    yield s;
                }
            }
            default -> String.valueOf(n);
        };
    }

    /** Base units of a token as whole assets with decimals (exact: a scale shift, not a division in floating point). */
    public String tokens(Object baseUnits, int decimals) {
        if (baseUnits == null) return "";
        return number(new BigDecimal(new BigInteger(baseUnits.toString()), decimals).stripTrailingZeros());
    }

    public String lang() {
        return locale().getLanguage();
    }

    private static Locale locale() {
        return WebMvcConfig.supported(LocaleContextHolder.getLocale());
    }
}
