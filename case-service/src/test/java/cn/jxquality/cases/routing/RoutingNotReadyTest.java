package cn.jxquality.cases.routing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.platform.problem.NotReady;
import cn.jxquality.platform.problem.Outage;
import org.junit.jupiter.api.Test;

/**
 * Before the start-up load, routing is not "no rule matches" (a case sent to triage) but an outage the consumer waits
 * out: FaultsIT saw 68 cases opened in triage when the consumer of a restarted case-service ran before the load.
 */
class RoutingNotReadyTest {

    @Test
    void routingBeforeTheRulesAreLoadedIsAnOutageNotTriage() {
        RoutingDirectory directory = new RoutingDirectory(null, null);
        NotReady refused = assertThrows(NotReady.class, () -> directory.route("COMPLAINT", "PRODUCT.FOOD", "360100"));
        assertTrue(Outage.is(refused));
        assertThrows(NotReady.class, () -> directory.routeElsewhere("COMPLAINT", "PRODUCT.FOOD", "360100", "X"));
    }

    @Test
    void aRefreshBeforeTheStartUpLoadLeavesRoutingNotReadyInsteadOfEmpty() {
        // no pool: a refresh that queried the database here would fail; it must wait for the start-up load instead
        RoutingDirectory directory = new RoutingDirectory(null, null);
        directory.refresh().await().indefinitely();
        assertThrows(NotReady.class, () -> directory.route("COMPLAINT", "METROLOGY.SHORT_WEIGHT", "360900"));
    }
}
