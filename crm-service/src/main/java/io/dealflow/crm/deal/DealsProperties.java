package io.dealflow.crm.deal;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dealflow.crm.deals.*}.
 *
 * @param defaultCurrency the currency of a deal created without one (ISO 4217)
 */
@Validated
@ConfigurationProperties("dealflow.crm.deals")
public record DealsProperties(
    @DefaultValue("USD") @Pattern(regexp = "[A-Z]{3}") String defaultCurrency) {}
