package kg.vareg.backend.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and validates the per-year calendar files. Fails loudly: a bad calendar must stop start-up. */
public final class CalendarLoader {

    /** Where the year files live on the classpath. */
    public static final String DEFAULT_LOCATION = "classpath*:calendar/*.json";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private CalendarLoader() {
    }

    public static ConfiguredWorkingDayCalendar load(String locationPattern) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(locationPattern);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list calendar files at " + locationPattern, e);
        }
        if (resources.length == 0) {
            throw new IllegalStateException("no calendar files found at " + locationPattern);
        }
        List<CalendarYear> years = new ArrayList<>();
        for (Resource r : resources) {
            years.add(read(r));
        }
        return new ConfiguredWorkingDayCalendar(years);
    }

    public static ConfiguredWorkingDayCalendar loadDefault() {
        return load(DEFAULT_LOCATION);
    }

    static CalendarYear read(Resource resource) {
        String name = resource.getFilename();
        try (InputStream in = resource.getInputStream()) {
            CalendarYear year = parse(in);
            if (name != null && !name.equals(year.year() + ".json")) {
                throw new IllegalStateException("calendar file " + name + " declares year " + year.year()
                        + "; name it " + year.year() + ".json");
            }
            return year;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("invalid calendar file " + resource + ": " + e.getMessage(), e);
        }
    }

    public static CalendarYear parse(InputStream json) {
        return CalendarYear.from(MAPPER.readValue(json, CalendarYearConfig.class));
    }
}
