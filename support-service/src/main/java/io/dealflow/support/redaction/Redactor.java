package io.dealflow.support.redaction;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * Finds personal data in a customer's text and masks it. Thread-safe and stateless: build one and
 * share it.
 *
 * <p>The detectors run in this order over the whole text; a span one of them claimed is not looked
 * at again (a later candidate overlapping it is dropped whole), so redactions never overlap. They
 * are returned sorted by position.
 *
 * <ol>
 *   <li><b>E-mail</b> ({@link RedactionType#EMAIL}): a candidate {@code local@domain} (local part
 *       of ASCII letters, digits and {@code . _ % + -}, not starting with a dot; domain of
 *       dot-separated labels of letters, digits and hyphens) confirmed by commons-validator's
 *       {@link EmailValidator} (public domains with a known top-level domain); when the whole
 *       candidate is not valid, the domain is shortened label by label from the right ({@code
 *       jane@example.com.Thanks}). A local part that already reads as a mask (at most one
 *       character, then only {@code *}) is left alone.
 *   <li><b>IBAN</b> ({@link RedactionType#ACCOUNT_NUMBER}): two letters, two check digits and 11 to
 *       30 letters or digits, written together or in groups separated by single spaces, upper or
 *       lower case, not glued to other letters or digits, valid for its country by
 *       commons-validator's {@link IBANValidator} (length, format, mod-97 check). IBANs go before
 *       cards because a card-like run of digits inside a valid IBAN is part of that IBAN.
 *   <li><b>Payment card</b> ({@link RedactionType#ACCOUNT_NUMBER}): 13 to 19 digits not starting
 *       with {@code 0}, written together or in groups separated by single spaces or dashes, passing
 *       the Luhn check. A card is made of whole groups: a group of digits is never split and a run
 *       of more than 19 digits is not a card. Digits glued to letters, to {@code *}, to a currency
 *       sign, or joined to other digits by {@code . , / :} (amounts, decimals, times, dates,
 *       versions) are never part of one.
 *   <li><b>US social security number</b> ({@link RedactionType#SSN}): {@code ddd-dd-dddd} or {@code
 *       ddd dd dddd} with no keyword needed, or nine digits together when {@code ssn} or {@code
 *       social security} (any case) starts within the 30 characters before them; in both cases with
 *       the SSA's rules: area (first three digits) not {@code 000}, {@code 666} or {@code 9xx},
 *       group (next two) not {@code 00}, serial (last four) not {@code 0000}. Glued digits are
 *       excluded as for cards.
 *   <li><b>Bank account or routing number</b> ({@link RedactionType#ACCOUNT_NUMBER}): 6 to 17
 *       digits, together or in groups joined by single dashes, when {@code account}, {@code acct},
 *       {@code a/c}, {@code routing} or {@code bank} (any case, at the start of a word) starts
 *       within the 30 characters before them. Date-shaped numbers ({@code 2024-01-15}, {@code
 *       15-01-2024}) and glued digits (as for cards) are not accounts.
 *   <li><b>Phone</b> ({@link RedactionType#PHONE}): what libphonenumber's {@link
 *       PhoneNumberUtil#findNumbers(CharSequence, String, Leniency, long)} finds with region {@code
 *       US} and leniency {@link Leniency#VALID}: US numbers with an area code, and international
 *       numbers written with {@code +} and their country code; a match joined to a letter or digit
 *       by {@code - _ / .} is part of an identifier ({@code TKT-2024-000123}), not a phone.
 * </ol>
 *
 * <p>Masks keep the length and every separator of what they replace, so positions are the same in
 * the original and the masked text:
 *
 * <ul>
 *   <li>cards, SSNs and phones: every digit but the last four becomes {@code *} ({@code 4111 1111
 *       1111 1111} → {@code **** **** **** 1111}, {@code 123-45-6789} → {@code ***-**-6789}, {@code
 *       +1 (415) 555-2671} → {@code +* (***) ***-2671});
 *   <li>IBANs and bank accounts: every letter and digit but the last four becomes {@code *};
 *   <li>e-mail: the local part's first character is kept and the rest of the local part becomes
 *       {@code *}; the domain is kept ({@code john.doe@example.com} → {@code
 *       j*******@example.com}); a one-character local part becomes {@code *}.
 * </ul>
 *
 * <p>Redaction is idempotent: a masked text has nothing left to redact. Ordinary numbers (amounts,
 * dates, times, years, versions, short numbers, order numbers without an account keyword) are left
 * as they are.
 */
public final class Redactor {

  /** How far before a number its keyword may start ("SSN: ", "account number ending in "). */
  static final int KEYWORD_WINDOW = 30;

  private static final int KEPT = 4;

  /** Not glued to a word, a mask, a currency sign, or another number by {@code . , / :}. */
  private static final String FREE_START = "(?<![\\p{L}\\p{N}_*\\p{Sc}])(?<!\\d[.,/:])";

  private static final String FREE_END = "(?![\\p{L}\\p{N}_])(?![.,/:]\\d)";

  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![A-Za-z0-9_%+*-])[A-Za-z0-9_%+*-][A-Za-z0-9._%+*-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");

  private static final Pattern MASKED_LOCAL_PART = Pattern.compile("[^*]?\\*+");

  private static final Pattern IBAN =
      Pattern.compile("(?<![\\p{L}\\p{N}_*])[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]){11,30}");

  private static final int IBAN_MIN_LENGTH = 15;

  private static final Pattern CARD_CHAIN =
      Pattern.compile(FREE_START + "\\d+(?:[ -]\\d+)*" + FREE_END);

  private static final Pattern SSN_FORMATTED =
      Pattern.compile(FREE_START + "(\\d{3})([- ])(\\d{2})\\2(\\d{4})" + FREE_END);

  private static final Pattern NINE_DIGITS = Pattern.compile(FREE_START + "\\d{9}" + FREE_END);

  private static final Pattern SSN_KEYWORD =
      Pattern.compile("\\b(?:ssn|social[ -]security)", Pattern.CASE_INSENSITIVE);

  private static final Pattern ACCOUNT_CHAIN =
      Pattern.compile(FREE_START + "\\d+(?:-\\d+)*" + FREE_END);

  private static final Pattern DATE =
      Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}-\\d{1,2}-\\d{2,4}");

  private static final String JOINERS = "-_/.";

  private static final Pattern ACCOUNT_KEYWORD =
      Pattern.compile("\\b(?:account|acct|a/c|routing|bank)", Pattern.CASE_INSENSITIVE);

  private final EmailValidator emails = EmailValidator.getInstance();
  private final IBANValidator ibans = IBANValidator.getInstance();
  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

  public Redactor() {}

  /** The text with its personal data masked, and each piece masked, by the rules above. */
  public Redacted redact(String text) {
    Claims claims = new Claims(text);
    findEmails(claims);
    findIbans(claims);
    findCards(claims);
    findSsns(claims);
    findAccounts(claims);
    findPhones(claims);
    return claims.redacted();
  }

  private void findEmails(Claims claims) {
    String text = claims.text;
    Matcher candidate = EMAIL.matcher(text);
    int from = 0;
    while (from < text.length() && candidate.find(from)) {
      int start = candidate.start();
      int at = text.indexOf('@', start);
      if (MASKED_LOCAL_PART.matcher(text).region(start, at).matches()) {
        from = candidate.end();
        continue;
      }
      int end = validEmailEnd(text, start, at, candidate.end());
      if (end > 0 && claims.free(start, end)) {
        claims.claim(RedactionType.EMAIL, start, end, maskEmail(text.substring(start, end)));
        from = end;
      } else {
        from = start + 1;
      }
    }
  }

  /** The end of the longest valid address from {@code start}, shortening the domain by labels. */
  private int validEmailEnd(String text, int start, int at, int end) {
    int candidateEnd = end;
    while (candidateEnd > at) {
      if (emails.isValid(text.substring(start, candidateEnd))) {
        return candidateEnd;
      }
      candidateEnd = text.lastIndexOf('.', candidateEnd - 1);
    }
    return -1;
  }

  private static String maskEmail(String address) {
    int at = address.indexOf('@');
    String local = at == 1 ? "*" : address.charAt(0) + "*".repeat(at - 1);
    return local + address.substring(at);
  }

  private void findIbans(Claims claims) {
    String text = claims.text;
    Matcher candidate = IBAN.matcher(text);
    int from = 0;
    while (from < text.length() && candidate.find(from)) {
      int start = candidate.start();
      int end = validIbanEnd(text, start, candidate.end());
      if (end > 0 && claims.free(start, end)) {
        claims.claim(
            RedactionType.ACCOUNT_NUMBER,
            start,
            end,
            maskAllButLast(text.substring(start, end), Character::isLetterOrDigit));
        from = end;
      } else {
        from = start + 1;
      }
    }
  }

  /** The end of the longest valid IBAN from {@code start} that ends where a word ends. */
  private int validIbanEnd(String text, int start, int end) {
    for (int candidateEnd = end; candidateEnd - start >= IBAN_MIN_LENGTH; candidateEnd--) {
      boolean wordEnds =
          candidateEnd == text.length() || !Character.isLetterOrDigit(text.charAt(candidateEnd));
      if (wordEnds && text.charAt(candidateEnd - 1) != ' ') {
        String compact =
            text.substring(start, candidateEnd).replace(" ", "").toUpperCase(Locale.ROOT);
        if (ibans.isValid(compact)) {
          return candidateEnd;
        }
      }
    }
    return -1;
  }

  private static void findCards(Claims claims) {
    Matcher chain = CARD_CHAIN.matcher(claims.text);
    while (chain.find()) {
      List<int[]> groups = groups(claims.text, chain.start(), chain.end());
      int first = 0;
      while (first < groups.size()) {
        int taken = cardEndingGroup(claims, groups, first);
        first = taken >= 0 ? taken + 1 : first + 1;
      }
    }
  }

  /**
   * Claims the longest card that starts with group {@code first}; returns its last group, or -1
   * when none starts there.
   */
  private static int cardEndingGroup(Claims claims, List<int[]> groups, int first) {
    int start = groups.get(first)[0];
    for (int last = groups.size() - 1; last >= first; last--) {
      int end = groups.get(last)[1];
      String digits = digitsOf(claims.text, start, end);
      if (digits.length() >= 13
          && digits.length() <= 19
          && digits.charAt(0) != '0'
          && LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(digits)
          && claims.free(start, end)) {
        claims.claim(
            RedactionType.ACCOUNT_NUMBER,
            start,
            end,
            maskAllButLast(claims.text.substring(start, end), Character::isDigit));
        return last;
      }
    }
    return -1;
  }

  /** The {@code [start, end)} of each run of digits in {@code text[from, to)}. */
  private static List<int[]> groups(String text, int from, int to) {
    List<int[]> groups = new ArrayList<>();
    int i = from;
    while (i < to) {
      int start = i;
      while (i < to && isAsciiDigit(text.charAt(i))) {
        i++;
      }
      groups.add(new int[] {start, i});
      i++;
    }
    return groups;
  }

  private static void findSsns(Claims claims) {
    Matcher formatted = SSN_FORMATTED.matcher(claims.text);
    while (formatted.find()) {
      if (isSsn(formatted.group(1), formatted.group(3), formatted.group(4))) {
        claimDigits(claims, RedactionType.SSN, formatted.start(), formatted.end());
      }
    }
    Matcher bare = NINE_DIGITS.matcher(claims.text);
    while (bare.find()) {
      String digits = bare.group();
      if (isSsn(digits.substring(0, 3), digits.substring(3, 5), digits.substring(5))
          && keywordBefore(claims.text, SSN_KEYWORD, bare.start())) {
        claimDigits(claims, RedactionType.SSN, bare.start(), bare.end());
      }
    }
  }

  /** The SSA's rules for a number it may have issued (area, group and serial). */
  private static boolean isSsn(String area, String group, String serial) {
    return !area.equals("000")
        && !area.equals("666")
        && area.charAt(0) != '9'
        && !group.equals("00")
        && !serial.equals("0000");
  }

  private static void findAccounts(Claims claims) {
    Matcher chain = ACCOUNT_CHAIN.matcher(claims.text);
    while (chain.find()) {
      int digits = digitsOf(claims.text, chain.start(), chain.end()).length();
      if (digits >= 6
          && digits <= 17
          && !DATE.matcher(chain.group()).matches()
          && keywordBefore(claims.text, ACCOUNT_KEYWORD, chain.start())
          && claims.free(chain.start(), chain.end())) {
        claims.claim(
            RedactionType.ACCOUNT_NUMBER,
            chain.start(),
            chain.end(),
            maskAllButLast(chain.group(), Character::isLetterOrDigit));
      }
    }
  }

  private void findPhones(Claims claims) {
    for (PhoneNumberMatch match :
        phones.findNumbers(claims.text, "US", Leniency.VALID, Long.MAX_VALUE)) {
      if (!partOfAnIdentifier(claims.text, match.start(), match.end())) {
        claimDigits(claims, RedactionType.PHONE, match.start(), match.end());
      }
    }
  }

  /**
   * Whether {@code text[start, end)} is joined to a letter or digit by {@code - _ / .}, as the
   * digits of a ticket id ({@code TKT-2024-000123}) are.
   */
  private static boolean partOfAnIdentifier(String text, int start, int end) {
    boolean joinedBefore =
        start >= 2
            && JOINERS.indexOf(text.charAt(start - 1)) >= 0
            && Character.isLetterOrDigit(text.charAt(start - 2));
    boolean joinedAfter =
        end + 1 < text.length()
            && JOINERS.indexOf(text.charAt(end)) >= 0
            && Character.isLetterOrDigit(text.charAt(end + 1));
    return joinedBefore || joinedAfter;
  }

  private static void claimDigits(Claims claims, RedactionType type, int start, int end) {
    if (claims.free(start, end)) {
      claims.claim(
          type, start, end, maskAllButLast(claims.text.substring(start, end), Character::isDigit));
    }
  }

  /**
   * Whether {@code keyword} starts within the {@link #KEYWORD_WINDOW} characters before {@code at}.
   */
  private static boolean keywordBefore(String text, Pattern keyword, int at) {
    return keyword
        .matcher(text)
        .region(Math.max(0, at - KEYWORD_WINDOW), at)
        .useTransparentBounds(true)
        .find();
  }

  /** Every character {@code maskable} accepts becomes {@code *}, but the last four of them. */
  private static String maskAllButLast(String original, IntPredicate maskable) {
    int toMask = (int) original.chars().filter(maskable).count() - KEPT;
    StringBuilder masked = new StringBuilder(original.length());
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (toMask > 0 && maskable.test(c)) {
        masked.append('*');
        toMask--;
      } else {
        masked.append(c);
      }
    }
    return masked.toString();
  }

  private static String digitsOf(String text, int start, int end) {
    StringBuilder digits = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      if (isAsciiDigit(text.charAt(i))) {
        digits.append(text.charAt(i));
      }
    }
    return digits.toString();
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The spans claimed so far in one text; one per call to {@link #redact}. */
  private static final class Claims {

    private final String text;
    private final BitSet taken = new BitSet();
    private final List<Redaction> found = new ArrayList<>();

    Claims(String text) {
      this.text = text;
    }

    boolean free(int start, int end) {
      int next = taken.nextSetBit(start);
      return next < 0 || next >= end;
    }

    void claim(RedactionType type, int start, int end, String masked) {
      taken.set(start, end);
      found.add(new Redaction(type, text.substring(start, end), masked, start, end));
    }

    Redacted redacted() {
      List<Redaction> sorted =
          found.stream().sorted(Comparator.comparingInt(Redaction::start)).toList();
      StringBuilder masked = new StringBuilder(text);
      for (Redaction redaction : sorted) {
        masked.replace(redaction.start(), redaction.end(), redaction.masked());
      }
      return new Redacted(masked.toString(), sorted);
    }
  }
}
