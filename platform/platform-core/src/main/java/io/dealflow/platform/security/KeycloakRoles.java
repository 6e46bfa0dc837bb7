package io.dealflow.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Maps the realm roles of a Keycloak token to {@code ROLE_*} authorities. */
public final class KeycloakRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

  @Override
  public Collection<GrantedAuthority> convert(Jwt jwt) {
    return realmRoles(jwt).stream()
        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
        .toList();
  }

  /** The realm role names in a token, e.g. {@code [admin, default-roles-dealflow]}. */
  public static Set<String> realmRoles(Jwt jwt) {
    Set<String> roles = new TreeSet<>();
    if (jwt.getClaim(DealflowClaims.REALM_ACCESS) instanceof Map<?, ?> access
        && access.get("roles") instanceof List<?> names) {
      names.forEach(name -> roles.add(String.valueOf(name)));
    }
    return roles;
  }
}
