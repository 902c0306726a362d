package org.dpgfed.harvester.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a harvest may reach. Unless private networks are allowed, a host that resolves
 * to loopback, private, link-local, shared or multicast space is refused, so a registered source
 * cannot be used to probe the node's own network. Blocking (DNS): call from a worker.
 */
public final class AddressPolicy {
  private final boolean allowPrivate;

  public AddressPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /**
   * @throws FetchException when the host resolves to a forbidden address
   * @throws UnknownHostException when it does not resolve
   */
  public void check(String host) throws UnknownHostException {
    if (allowPrivate) {
      return;
    }
    for (InetAddress address : InetAddress.getAllByName(host)) {
      if (forbidden(address)) {
        throw new FetchException("refused: " + host + " resolves to " + address.getHostAddress()
            + ", a loopback or private address (harvest.allowPrivateNetworks is false)", false);
      }
    }
  }

  static boolean forbidden(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 || (first == 100 && second >= 64 && second < 128) // shared 100.64/10
        || (first == 198 && (second == 18 || second == 19)) || first >= 240;
  }
}
