package kg.vareg.backend.register;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
    @Bean
    RegisterClock registerClock(@Value("${vareg.clock.adjustable:false}") boolean adjustable) {
        return new RegisterClock(Clock.systemUTC(), adjustable);
    }
}
