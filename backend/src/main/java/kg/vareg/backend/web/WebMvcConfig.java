package kg.vareg.backend.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages of the site: Kyrgyz (the state language, default), Russian (official language) and English. The
 * choice comes from {@code ?lang=}, is kept in a cookie, and otherwise follows the browser's Accept-Language.
 */
@Configuration
class WebMvcConfig implements WebMvcConfigurer {
    static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("ky"), Locale.forLanguageTag("ru"), Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver r = new CookieLocaleResolver("vareg-lang") {
            @Override
            public void setLocale(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                    Locale locale) {
                super.setLocale(request, response, locale == null ? null : supported(locale));
            }
        };
        r.setCookieMaxAge(Duration.ofDays(365));
        r.setDefaultLocaleFunction(request -> {
            for (Locale l : java.util.Collections.list(request.getLocales())) {
                for (Locale s : LANGUAGES) if (s.getLanguage().equals(l.getLanguage())) return s;
            }
            return LANGUAGES.getFirst();
        });
        return r;
    }

    static Locale supported(Locale l) {
        return LANGUAGES.stream().filter(s -> s.getLanguage().equals(l.getLanguage())).findFirst().orElse(LANGUAGES.getFirst());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor i = new LocaleChangeInterceptor();
        i.setParamName("lang");
        i.setIgnoreInvalidLocale(true);
        registry.addInterceptor(i);
    }

    /** All page text; no fallback to the server's own locale (a missing ky key shows the English base text). */
    @Bean
    MessageSource messageSource() {
        ReloadableResourceBundleMessageSource m = new ReloadableResourceBundleMessageSource();
        m.setBasename("classpath:messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        m.setUseCodeAsDefaultMessage(false);
        return m;
    }
}
