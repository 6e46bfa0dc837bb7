/** Uploaded documents read into text: the file's type found from its bytes, its text by Tika. */
@NullMarked
package io.dealflow.support.document;

import org.jspecify.annotations.NullMarked;
