package kg.vareg.backend.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the {@link WorkingDayCalendar} from the per-year files at start-up; a bad file stops the application. */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    public ConfiguredWorkingDayCalendar workingDayCalendar(
            @Value("${vareg.calendar.location:" + CalendarLoader.DEFAULT_LOCATION + "}") String location) {
        ConfiguredWorkingDayCalendar calendar = CalendarLoader.load(location);
        for (int y : calendar.configuredYears()) {
            CalendarYear year = calendar.year(y);
            log.info("Working-day calendar {}: {} declared days ({})", y, year.declaredDays().size(), year.scope());
            year.provisionalDays().forEach(d -> log.warn("Working-day calendar {}: {} {} is PROVISIONAL (source: {})",
                    y, d.date(), d.name(), d.source()));
        }
        return calendar;
    }
}
