package io.dealflow.identity.auth.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The request bodies of the sign-in endpoints. */
final class Requests {

  /** A non-blank value when present; absent (null) is allowed. */
  static final String NOT_BLANK_IF_PRESENT = "(?s).*\\S.*";

  private Requests() {}

  static String normalizeEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  @Schema(name = "RegisterRequest")
  record Register(
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Size(min = 8, max = 128, message = "must be between 8 and 128 characters")
          String password,
      @JsonProperty("first_name") @NotBlank @Size(max = 100) String firstName,
      @JsonProperty("last_name") @NotBlank @Size(max = 100) String lastName,
      @Schema(description = "Names the new organization; the person's name when absent")
          @Size(max = 200)
          @Nullable String company,
      @Schema(
              description =
                  "Accepted for compatibility with the Trainer seed. A self-registered user founds"
                      + " a new organization and is always its admin.",
              allowableValues = {"admin", "manager", "rep", "agent", "user"})
          @Pattern(
              regexp = "admin|manager|rep|agent|user",
              message = "must be one of admin, manager, rep, agent, user")
          @Nullable String role) {

    @Override
    public String toString() {
      return "Register[***]";
    }
  }

  @Schema(name = "LoginRequest")
  record Login(
      @NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 256) String password) {

    @Override
    public String toString() {
      return "Login[***]";
    }
  }

  @Schema(name = "RefreshRequest")
  record Refresh(
      @Schema(
              description =
                  "The refresh token (HeliosCS). Without it, the access token in the Authorization"
                      + " header is renewed (Trainer)")
          @JsonProperty("refresh_token")
          @Size(max = 8192)
          @Pattern(regexp = NOT_BLANK_IF_PRESENT, message = "must not be blank")
          @Nullable String refreshToken) {

    @Override
    public String toString() {
      return "Refresh[***]";
    }
  }

  @Schema(name = "LogoutRequest")
  record Logout(
      @Schema(description = "Ends this refresh token's session too")
          @JsonProperty("refresh_token")
          @Size(max = 8192)
          @Nullable String refreshToken) {

    @Override
    public String toString() {
      return "Logout[***]";
    }
  }

  @Schema(name = "UpdateMeRequest")
  record UpdateMe(
      @JsonProperty("first_name")
          @Size(max = 100)
          @Pattern(regexp = NOT_BLANK_IF_PRESENT, message = "must not be blank")
          @Nullable String firstName,
      @JsonProperty("last_name")
          @Size(max = 100)
          @Pattern(regexp = NOT_BLANK_IF_PRESENT, message = "must not be blank")
          @Nullable String lastName,
      @Size(max = 200) @Pattern(regexp = NOT_BLANK_IF_PRESENT, message = "must not be blank")
          @Nullable String company) {}

  @Schema(name = "ChangePasswordRequest")
  record ChangePassword(
      @JsonProperty("current_password") @NotBlank @Size(max = 256) String currentPassword,
      @JsonProperty("new_password")
          @NotBlank
          @Size(min = 8, max = 128, message = "must be between 8 and 128 characters")
          String newPassword) {

    @Override
    public String toString() {
      return "ChangePassword[***]";
    }
  }

  /** Spotlight's {@code {"user": {"email", "password"}}}. */
  @Schema(name = "SpotlightSignInRequest")
  record SignIn(@NotNull @Valid Credentials user) {

    @Override
    public String toString() {
      return "SignIn[***]";
    }
  }

  @Schema(name = "SpotlightCredentials")
  record Credentials(
      @NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 256) String password) {

    @Override
    public String toString() {
      return "Credentials[***]";
    }
  }

  @Schema(name = "MessageResponse")
  record Message(String message) {}
}
