package org.dpgfed.harvester.fetch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Address literals only (InetAddress parses them without DNS); the one name resolved is localhost. */
class AddressPolicyTest {
  private static boolean forbidden(String literal) throws UnknownHostException {
    return AddressPolicy.forbidden(InetAddress.getByName(literal));
  }

  @Test
  void refusesEveryNonPublicIpv4Range() throws UnknownHostException {
    for (String a : List.of("127.0.0.1", "127.255.0.9", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
        "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "198.18.0.1", "198.19.1.1",
        "192.0.0.8", "192.0.2.1", "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1",
        "255.255.255.255")) {
      assertTrue(forbidden(a), a + " is not public");
    }
  }

  @Test
  void allowsPublicIpv4() throws UnknownHostException {
    for (String a : List.of("8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
        "198.17.0.1", "198.20.0.1", "192.169.0.1", "223.255.255.255")) {
      assertFalse(forbidden(a), a + " is public");
    }
  }

  @Test
  void refusesEveryNonPublicIpv6Range() throws UnknownHostException {
    for (String a : List.of("::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1", "2001:db8::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:c0a8:0101::1")) {
      assertTrue(forbidden(a), a + " is not public");
    }
  }

  @Test
  void allowsPublicIpv6() throws UnknownHostException {
    for (String a : List.of("2606:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808",
        "2002:0808:0808::1")) {
      assertFalse(forbidden(a), a + " is public");
    }
  }

  @Test
  void refusesLoopbackByNameAndLiteralUnlessPrivateNetworksAreAllowed() {
    AddressPolicy strict = new AddressPolicy(false, List.of());
    for (String host : List.of("localhost", "127.0.0.1", "[::1]", "::1")) {
      FetchException refused = assertThrows(FetchException.class, () -> strict.check(host), host);
      assertTrue(refused.getMessage().contains("harvest.allowPrivateNetworks"), refused.getMessage());
      assertFalse(refused.retryable());
    }
    assertDoesNotThrow(() -> new AddressPolicy(true, List.of()).check("localhost"));
  }

  @Test
  void exemptsTheHostsTheOperatorListedByNameOnly() {
    AddressPolicy policy = new AddressPolicy(false, List.of("LocalHost"));
    assertDoesNotThrow(() -> policy.check("localhost"));
    assertThrows(FetchException.class, () -> policy.check("127.0.0.1"));
  }
}
