package io.dealflow.support.document;

import org.jspecify.annotations.Nullable;

/**
 * The text of an uploaded document.
 *
 * @param mediaType the type its bytes showed, e.g. {@code application/pdf}
 * @param title the document's own title, when it has one
 */
public record DocumentText(String text, String mediaType, @Nullable String title) {}
