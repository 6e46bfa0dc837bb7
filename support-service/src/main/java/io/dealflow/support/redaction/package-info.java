/**
 * Masks personal data (e-mail addresses, payment card and bank account numbers, IBANs, US social
 * security numbers, phone numbers) in a customer's text before it is stored, logged, put in an
 * event or sent to a model. Pure functions of the text: no Spring, no I/O.
 */
@NullMarked
package io.dealflow.support.redaction;

import org.jspecify.annotations.NullMarked;
