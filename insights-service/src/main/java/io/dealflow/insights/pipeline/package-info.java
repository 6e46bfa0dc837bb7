/**
 * The read model of the workspaces' pipelines: crm's deal events, each applied once, in tables of
 * this service's own.
 */
@NullMarked
package io.dealflow.insights.pipeline;

import org.jspecify.annotations.NullMarked;
