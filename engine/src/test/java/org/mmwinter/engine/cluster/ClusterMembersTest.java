package org.mmwinter.engine.cluster;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

final class ClusterMembersTest
{
    @Test
    void eachMemberTakesFivePortsFromItsBase()
    {
        final ClusterMembers members = ClusterMembers.parse("127.0.0.1:9000,127.0.0.1:9010, 10.0.0.3:7000");
        assertEquals(3, members.size());
        // Node 1: base 9010; ingress +0, consensus +1, log +2, catch-up +3, archive +4.
        assertEquals("127.0.0.1:9010", members.endpoint(1, ClusterMembers.INGRESS_OFFSET));
        assertEquals("127.0.0.1:9014", members.endpoint(1, ClusterMembers.ARCHIVE_OFFSET));
        assertEquals("0,127.0.0.1:9000,127.0.0.1:9001,127.0.0.1:9002,127.0.0.1:9003,127.0.0.1:9004|" +
            "1,127.0.0.1:9010,127.0.0.1:9011,127.0.0.1:9012,127.0.0.1:9013,127.0.0.1:9014|" +
            "2,10.0.0.3:7000,10.0.0.3:7001,10.0.0.3:7002,10.0.0.3:7003,10.0.0.3:7004|", members.consensusMembers());
        assertEquals("0=127.0.0.1:9000,1=127.0.0.1:9010,2=10.0.0.3:7000", members.ingressEndpoints());
    }

    @Test
    void aMemberThatIsNotHostAndPortIsNamed()
    {
        assertEquals("--members: member 1 is 'localhost', not HOST:BASEPORT",
            assertThrows(IllegalArgumentException.class, () -> ClusterMembers.parse("a:1000,localhost")).getMessage());
        assertEquals("--members: member 0 has port 'x', not a number",
            assertThrows(IllegalArgumentException.class, () -> ClusterMembers.parse("a:x")).getMessage());
        assertEquals("--members: member 0 base port 65532 leaves no room for its 5 ports",
            assertThrows(IllegalArgumentException.class, () -> ClusterMembers.parse("a:65532")).getMessage());
    }
}
