/** The HeliosCS knowledge routes: sources, search and file uploads. */
@NullMarked
package io.dealflow.support.knowledge.web;

import org.jspecify.annotations.NullMarked;
