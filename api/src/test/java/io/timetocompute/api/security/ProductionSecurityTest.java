package io.timetocompute.api.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The production profile: no demo users, and the service is an OAuth2 resource server that takes roles from the
 * token's {@code roles} claim. The test signs its own tokens with a key pair whose public half the service trusts.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ttc.embedded.mongodb=true",
        "ttc.planning.demo-tasks=300"})
@EmbeddedKafka(partitions = 1)
@AutoConfigureMockMvc
@ActiveProfiles("production")
class ProductionSecurityTest {

    private static final KeyPair KEYS = rsaKeyPair();

    @DynamicPropertySource
    static void trustTheTestKey(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> publicKeyFile().toUri()
                .toString());
    }

    @Autowired
    MockMvc mvc;

    @Test
    void anExecutiveTokenReadsTheDashboardButNotThePlannersViews() throws Exception {
        String executive = token("ceo@example.com", List.of(Roles.EXECUTIVE));
        mvc.perform(get("/api/portfolios/demo/dashboard").header("Authorization", "Bearer " + executive))
                .andExpect(status().isOk());
        mvc.perform(get("/api/portfolios/demo/export").header("Authorization", "Bearer " + executive))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPlannerTokenReadsEverything() throws Exception {
        String planner = token("pm@example.com", List.of(Roles.PLANNER));
        mvc.perform(get("/api/portfolios/demo").header("Authorization", "Bearer " + planner)).andExpect(status().isOk());
    }

    @Test
    void theDemoUsersDoNotExistAndForgedTokensAreRefused() throws Exception {
        mvc.perform(get("/api/portfolios/demo/dashboard").with(httpBasic("planner", "demo"))).andExpect(status().isUnauthorized());
        KeyPair other = rsaKeyPair();
        String forged = sign(other, "pm@example.com", List.of(Roles.PLANNER));
        mvc.perform(get("/api/portfolios/demo").header("Authorization", "Bearer " + forged))
                .andExpect(status().isUnauthorized());
    }

    private static String token(String subject, List<String> roles) throws JOSEException {
        return sign(KEYS, subject, roles);
    }

    private static String sign(KeyPair keys, String subject, List<String> roles) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyFile() {
        try {
            Path file = Files.createTempFile("ttc-jwt", ".pub");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
