package kg.vareg.backend.security;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The bearer-token decoder of the OIDC option (issue 15 item 5): signature by the issuer's JWKS (from its discovery
 * document), expiry, the {@code iss} claim equal to the configured issuer, and an {@code aud} naming this API — a
 * token the same realm issued to another client is refused (401), roles claim or not.
 */
final class OidcTokens {
    private OidcTokens() {}

    static JwtDecoder decoder(SecurityProperties.Oidc oidc) {
        List<String> audiences = oidc.audiences();
        if (audiences.isEmpty()) {
            throw new IllegalStateException("vareg.security.oidc.audiences must name this API's client id (docs/security.md)");
        }
        NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(oidc.issuerUri());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(oidc.issuerUri()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
        return decoder;
    }
}
