package io.dealflow.crm.lead;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dealflow.crm.leads.*}.
 *
 * @param qualificationThreshold the score (0–100) at which a lead qualifies when its score rises to
 *     it
 */
@Validated
@ConfigurationProperties("dealflow.crm.leads")
record LeadProperties(@DefaultValue("70") @Min(1) @Max(100) int qualificationThreshold) {}
