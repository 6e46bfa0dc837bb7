package io.dealflow.support.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

  private final Redactor redactor = new Redactor();

  private Redaction onlyRedaction(String text) {
    Redacted redacted = redactor.redact(text);
    assertThat(redacted.redactions()).hasSize(1);
    return redacted.redactions().getFirst();
  }

  @Nested
  class Emails {

    @Test
    void keepsTheFirstCharacterOfTheLocalPartAndTheDomain() {
      Redacted redacted = redactor.redact("Write to john.doe@example.com please");

      assertThat(redacted.redactions())
          .containsExactly(
              new Redaction(
                  RedactionType.EMAIL, "john.doe@example.com", "j*******@example.com", 9, 29));
      assertThat(redacted.text()).isEqualTo("Write to j*******@example.com please");
    }

    @Test
    void aSentencesFullStopIsNotPartOfTheAddress() {
      assertThat(onlyRedaction("Reach me at jane@example.org.").original())
          .isEqualTo("jane@example.org");
    }

    @Test
    void aWordGluedToTheDomainByAFullStopIsLeftOut() {
      assertThat(onlyRedaction("Mail jane@example.org.Thanks").original())
          .isEqualTo("jane@example.org");
    }

    @Test
    void aOneCharacterLocalPartIsMaskedWhole() {
      assertThat(onlyRedaction("j@example.com").masked()).isEqualTo("*@example.com");
    }

    @Test
    void anAddressWithAnUnknownTopLevelDomainIsNotAnAddress() {
      assertThat(redactor.redact("see user@build.invalidtld for logs").isClean()).isTrue();
    }
  }

  @Nested
  class Cards {

    @Test
    void groupedBySpacesKeepsTheLastFourDigits() {
      assertThat(onlyRedaction("Card 4111 1111 1111 1111 please"))
          .isEqualTo(
              new Redaction(
                  RedactionType.ACCOUNT_NUMBER,
                  "4111 1111 1111 1111",
                  "**** **** **** 1111",
                  5,
                  24));
    }

    @Test
    void groupedByDashesKeepsTheDashes() {
      assertThat(onlyRedaction("charged 4111-1111-1111-1111 twice"))
          .isEqualTo(
              new Redaction(
                  RedactionType.ACCOUNT_NUMBER,
                  "4111-1111-1111-1111",
                  "****-****-****-1111",
                  8,
                  27));
    }

    @Test
    void writtenTogether() {
      assertThat(onlyRedaction("5555555555554444").masked()).isEqualTo("************4444");
    }

    @Test
    void fifteenDigitAmericanExpressInItsOwnGroups() {
      assertThat(onlyRedaction("amex 3782 822463 10005.").masked()).isEqualTo("**** ****** *0005");
    }

    @Test
    void sixteenDigitsFailingLuhnAreNotACard() {
      assertThat(redactor.redact("Card 4111 1111 1111 1112 please").isClean()).isTrue();
      assertThat(redactor.redact("ref 4111111111111112").isClean()).isTrue();
    }

    @Test
    void aLongerRunOfDigitsIsNotACard() {
      assertThat(redactor.redact("tracking 41111111111111110000").isClean()).isTrue();
    }

    @Test
    void aCardAmongOtherGroupsIsFoundWithoutTheirDigits() {
      Redaction card = onlyRedaction("qty 2 4111 1111 1111 1111");

      assertThat(card.original()).isEqualTo("4111 1111 1111 1111");
      assertThat(card.start()).isEqualTo(6);
    }
  }

  @Nested
  class Ibans {

    @Test
    void inGroupsOfFour() {
      assertThat(onlyRedaction("IBAN: DE89 3704 0044 0532 0130 00 thanks"))
          .isEqualTo(
              new Redaction(
                  RedactionType.ACCOUNT_NUMBER,
                  "DE89 3704 0044 0532 0130 00",
                  "**** **** **** **** **30 00",
                  6,
                  33));
    }

    @Test
    void writtenTogetherWithLettersInTheBasicAccountNumber() {
      assertThat(onlyRedaction("send it to GB82WEST12345698765432."))
          .isEqualTo(
              new Redaction(
                  RedactionType.ACCOUNT_NUMBER,
                  "GB82WEST12345698765432",
                  "******************5432",
                  11,
                  33));
    }

    @Test
    void aWrongCheckIsNotAnIban() {
      assertThat(redactor.redact("code DE00 3704 0044 0532 0130 00").redactions())
          .extracting(Redaction::original)
          .doesNotContain("DE00 3704 0044 0532 0130 00");
    }
  }

  @Nested
  class Ssns {

    @Test
    void withDashes() {
      assertThat(onlyRedaction("SSN 123-45-6789"))
          .isEqualTo(new Redaction(RedactionType.SSN, "123-45-6789", "***-**-6789", 4, 15));
    }

    @Test
    void withSpacesAndNoKeyword() {
      assertThat(onlyRedaction("it is 123 45 6789"))
          .isEqualTo(new Redaction(RedactionType.SSN, "123 45 6789", "*** ** 6789", 6, 17));
    }

    @Test
    void nineDigitsTogetherAfterTheKeyword() {
      assertThat(onlyRedaction("My social security number is 123456789."))
          .isEqualTo(new Redaction(RedactionType.SSN, "123456789", "*****6789", 29, 38));
    }

    @Test
    void nineDigitsTogetherWithoutTheKeywordAreNotAnSsn() {
      assertThat(redactor.redact("Order 123456789 shipped").isClean()).isTrue();
    }

    @Test
    void nineDigitsTooFarFromTheKeywordAreNotAnSsn() {
      assertThat(
              redactor
                  .redact("SSN questions go to the help desk; your order is 123456789")
                  .isClean())
          .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"000-12-3456", "666-12-3456", "912-34-5678", "123-00-4567", "123-45-0000"})
    void numbersTheSsaNeverIssuesAreNotSsns(String number) {
      assertThat(redactor.redact("SSN " + number).redactions())
          .extracting(Redaction::type)
          .doesNotContain(RedactionType.SSN);
    }
  }

  @Nested
  class Accounts {

    @Test
    void digitsAfterAnAccountKeyword() {
      assertThat(onlyRedaction("My account number is 12345678901."))
          .isEqualTo(
              new Redaction(RedactionType.ACCOUNT_NUMBER, "12345678901", "*******8901", 21, 32));
    }

    @Test
    void routingNumber() {
      assertThat(onlyRedaction("routing 021000021").masked()).isEqualTo("*****0021");
    }

    @Test
    void groupsJoinedByDashes() {
      assertThat(onlyRedaction("acct #1234-567890").masked()).isEqualTo("****-**7890");
    }

    @Test
    void theSeedsExampleFailsLuhnAndIsMaskedAfterAnAccountKeyword() {
      assertThat(onlyRedaction("my account 1234-5678-9012-3456 was frozen"))
          .isEqualTo(
              new Redaction(
                  RedactionType.ACCOUNT_NUMBER,
                  "1234-5678-9012-3456",
                  "****-****-****-3456",
                  11,
                  30));
    }

    @Test
    void orderNumbersWithoutAnAccountKeywordStay() {
      assertThat(redactor.redact("Order 12345678 shipped on Monday").isClean()).isTrue();
    }

    @Test
    void datesAmountsAndShortNumbersAfterTheKeywordStay() {
      assertThat(
              redactor
                  .redact("Account opened 2024-01-15, bank fee $1,250.00, account 2 of 3")
                  .isClean())
          .isTrue();
      assertThat(redactor.redact("bank transfer of 1000000.00 arrived").isClean()).isTrue();
    }
  }

  @Nested
  class Phones {

    @Test
    void usNumberWithAreaCodeInParentheses() {
      assertThat(onlyRedaction("call me at (415) 555-2671 today"))
          .isEqualTo(
              new Redaction(RedactionType.PHONE, "(415) 555-2671", "(***) ***-2671", 11, 25));
    }

    @Test
    void usNumberWithCountryCode() {
      assertThat(onlyRedaction("+1 (415) 555-2671"))
          .isEqualTo(
              new Redaction(RedactionType.PHONE, "+1 (415) 555-2671", "+* (***) ***-2671", 0, 17));
    }

    @Test
    void digitsInsideATicketIdAreNotAPhone() {
      assertThat(redactor.redact("see TKT-2024-000123 for details").isClean()).isTrue();
      assertThat(onlyRedaction("see ticket 2024-000123 for details").type())
          .isEqualTo(RedactionType.PHONE);
    }

    @Test
    void internationalNumber() {
      assertThat(onlyRedaction("London office: +44 20 7946 0958"))
          .isEqualTo(
              new Redaction(RedactionType.PHONE, "+44 20 7946 0958", "+** ** **** 0958", 15, 31));
    }
  }

  @Test
  void aMessageWithACardAnEmailAPhoneAndAnSsnHasFourRedactions() {
    String message =
        "My card is 4111 1111 1111 1111, email jane.doe@example.com, call me at (415) 555-2671,"
            + " SSN 123-45-6789";

    Redacted redacted = redactor.redact(message);

    assertThat(redacted.redactions())
        .extracting(Redaction::type, Redaction::original)
        .containsExactly(
            Tuple.tuple(RedactionType.ACCOUNT_NUMBER, "4111 1111 1111 1111"),
            Tuple.tuple(RedactionType.EMAIL, "jane.doe@example.com"),
            Tuple.tuple(RedactionType.PHONE, "(415) 555-2671"),
            Tuple.tuple(RedactionType.SSN, "123-45-6789"));
    assertThat(redacted.text())
        .isEqualTo(
            "My card is **** **** **** 1111, email j*******@example.com, call me at (***) ***-2671,"
                + " SSN ***-**-6789")
        .doesNotContain(
            "4111 1111 1111 1111", "jane.doe@example.com", "(415) 555-2671", "123-45-6789");
    for (Redaction redaction : redacted.redactions()) {
      assertThat(message.substring(redaction.start(), redaction.end()))
          .isEqualTo(redaction.original());
      assertThat(redacted.text().substring(redaction.start(), redaction.end()))
          .isEqualTo(redaction.masked());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I was charged $1,250.00 on 2024-01-15 at 10:30 AM.",
        "Order #58213 and order 123456789 have not arrived since 01/15/2024.",
        "We have used the platform since 2019 and upgraded to version 4.12.3 last week.",
        "Trading hours are 9:30 AM to 4:00 PM ET, Monday to Friday.",
        "The invoice total was 12,345.67 USD, due in 30 days, 2 payments of 6172.84.",
        "Please refer to ticket TKT-2024-000123 and case 44512.",
        "My balance dropped by 3.5% (about 1500 dollars) between Q1 and Q3 2024.",
        "Build 1.10.1-SNAPSHOT failed at 14:05:33 on 15.01.2024.",
        "I placed 3 orders: 1001, 1002 and 1003, each for 250 shares at 101.25.",
        "Reference number 2024011512345 for your records.",
        "Coordinates 37.7749, -122.4194 and room 4B on floor 12.",
        "Email the support team or call the number on the website.",
      })
  void ordinaryTextIsLeftAsItIs(String sentence) {
    Redacted redacted = redactor.redact(sentence);

    assertThat(redacted.redactions()).isEmpty();
    assertThat(redacted.isClean()).isTrue();
    assertThat(redacted.text()).isEqualTo(sentence);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "My card is 4111 1111 1111 1111, email jane.doe@example.com, call me at (415) 555-2671,"
            + " SSN 123-45-6789",
        "IBAN DE89 3704 0044 0532 0130 00, account 12345678901, routing 021000021",
        "ssn 123456789, phone +1 (415) 555-2671, mail j@example.com, card 3782-822463-10005",
        "London +44 20 7946 0958, card 5555555555554444, GB82WEST12345698765432",
      })
  void redactingAMaskedTextFindsNothing(String message) {
    Redacted once = redactor.redact(message);

    assertThat(once.isClean()).isFalse();
    assertThat(once.text()).hasSameSizeAs(message);
    assertThat(redactor.redact(once.text()).redactions()).isEmpty();
  }

  @Test
  void redactionsAreSortedAndDoNotOverlap() {
    Redacted redacted =
        redactor.redact(
            "call +1 415 555 2671 or mail a.b@example.com; acct 987654321; SSN 234-56-7890");

    List<Redaction> redactions = redacted.redactions();
    assertThat(redactions).hasSize(4);
    for (int i = 1; i < redactions.size(); i++) {
      assertThat(redactions.get(i).start()).isGreaterThanOrEqualTo(redactions.get(i - 1).end());
    }
  }

  @Test
  void oneRedactorServesManyThreadsAtOnce() {
    String message =
        "card 4111-1111-1111-1111, jane.doe@example.com, +44 20 7946 0958, SSN 123-45-6789,"
            + " IBAN DE89 3704 0044 0532 0130 00, account 12345678901";
    Redacted alone = redactor.redact(message);

    List<Redacted> together =
        IntStream.range(0, 200).parallel().mapToObj(i -> redactor.redact(message)).toList();

    assertThat(alone.redactions()).hasSize(6);
    assertThat(together).allSatisfy(redacted -> assertThat(redacted).isEqualTo(alone));
  }

  @Test
  void wireNamesAreTheSeeds() {
    assertThat(RedactionType.values())
        .extracting(RedactionType::wireName)
        .containsExactly("ssn", "account_number", "email", "phone");
  }

  @Test
  void aRedactionsMaskHasTheLengthOfItsOriginal() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Redaction(RedactionType.SSN, "123-45-6789", "***", 0, 11));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Redaction(RedactionType.SSN, "123-45-6789", "***-**-6789", 0, 10));
  }
}
