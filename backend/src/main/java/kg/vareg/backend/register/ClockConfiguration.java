package kg.vareg.backend.register;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    RegisterClock registerClock(@Value("${vareg.clock.adjustable:false}") boolean adjustable,
            @Value("${vareg.clock.training-date:}") String trainingDate,
            @Value("${vareg.clock.training-offset:}") String trainingOffset, Environment environment) {
        Clock real = Clock.systemUTC();
        TrainingClockSettings training = TrainingClockSettings.resolve(trainingDate, trainingOffset, adjustable,
                environment.getActiveProfiles(), real);
        RegisterClock clock = new RegisterClock(real, adjustable, training.offset().orElse(null));
        training.offset().ifPresent(o -> log.warn("TRAINING CLOCK: the register runs on {} (offset {} from the real date {});"
                + " never use this register's data as real", java.time.LocalDate.now(clock), o, clock.realToday()));
        return clock;
    }
}
