package io.dealflow.crm.deal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which of a workspace's deals a list shows.
 *
 * @param stage only deals in this stage, if given
 * @param assignedTo only deals assigned to this user, if given
 */
public record DealFilter(@Nullable Stage stage, @Nullable UUID assignedTo) {}
