package org.sunlight.risk.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.catalog.Catalog;
import org.sunlight.modeling.PowerDeployed;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerVersion;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.risk.RiskStatus;

/**
 * Keeps the register in step with the models. A deployment is taken in by a synchronous listener,
 * inside the deployment's transaction, so a version is in the register exactly when it exists; at
 * start-up, versions deployed before the register existed (or while it was absent) are taken in,
 * oldest first, so their history is the one the versions tell.
 */
@Component
class RiskProjection implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RiskProjection.class);

	private final RiskStore store;
	private final PowerVersions versions;
	private final Catalog catalog;
	private final TransactionTemplate transactions;

	RiskProjection(RiskStore store, PowerVersions versions, Catalog catalog, TransactionTemplate transactions) {
		this.store = store;
		this.versions = versions;
		this.catalog = catalog;
		this.transactions = transactions;
	}

	@EventListener
	void on(PowerDeployed event) {
		take(event.powerCode(), event.version(), Optional.of(event.description()));
	}

	/** Back-fills every power whose live versions the register has not all taken in. */
	@Override
	public void run(ApplicationArguments args) {
		Map<String, Integer> applied = store.appliedVersions();
		int taken = 0;
		for (Catalog.PowerEntry power : catalog.powers(false)) {
			if (applied.getOrDefault(power.code(), 0) >= power.version()) {
				continue;
			}
			try {
				transactions.executeWithoutResult(status -> take(power.code(), power.version(), Optional.empty()));
				taken++;
			}
			catch (DataIntegrityViolationException ex) {
				// Another node starting at the same moment took this power in first.
				log.info("Risk register: {} was taken in by another node", power.code());
			}
		}
		if (taken > 0) {
			log.info("Risk register: back-filled {} powers", taken);
		}
	}

	/**
	 * Takes in every live version of the power up to {@code upTo} that the register lacks, the last
	 * one from {@code latest} when the caller has its description already.
	 */
	private void take(String powerCode, int upTo, Optional<PowerDescription> latest) {
		Optional<Integer> applied = store.lockAppliedVersion(powerCode);
		int from = applied.orElse(0);
		if (from >= upTo) {
			return;
		}
		for (PowerVersion version : versions.versions(powerCode)) {
			if (version.version() <= from || version.version() > upTo) {
				continue;
			}
			PowerDescription description = version.version() == upTo && latest.isPresent() ? latest.get()
					: versions.describe(version.processDefinitionId()).orElseThrow();
			apply(powerCode, version, description);
		}
		store.markApplied(powerCode, upTo, applied.isPresent(), now());
	}

	/** Compares the version's points with the register's: adds, updates (with history), retires. */
	private void apply(String powerCode, PowerVersion version, PowerDescription power) {
		OffsetDateTime at = version.deployedAt();
		Map<String, RiskStore.Row> known = store.pointsOf(powerCode);
		Set<String> present = new HashSet<>();
		for (RiskStore.Drawn point : points(power)) {
			present.add(point.key());
			RiskStore.Row row = known.get(point.key());
			if (row == null) {
				long id = store.insert(powerCode, point, version.version(), at, version.approvedBy());
				store.history(id, version.version(), "ADDED", point, at);
				continue;
			}
			store.update(row.id(), point, version.version(), at, version.approvedBy());
			if (row.status() == RiskStatus.RETIRED) {
				store.history(row.id(), version.version(), "RESTORED", point, at);
			}
			else if (point.differsFrom(row)) {
				store.history(row.id(), version.version(), "CHANGED", point, at);
			}
		}
		for (RiskStore.Row row : known.values()) {
			if (row.status() == RiskStatus.ACTIVE && !present.contains(row.key())) {
				store.retire(row.id(), version.version(), at);
				store.history(row.id(), version.version(), "RETIRED", drawn(row), at);
			}
		}
	}

	/**
	 * The version's points with their keys: the point's code, or without one its step and place
	 * in the step; a key seen twice in one version gets its place appended.
	 */
	static List<RiskStore.Drawn> points(PowerDescription power) {
		List<RiskStore.Drawn> points = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		String powerName = power.name() == null ? power.code() : power.name();
		List<PowerDescription.Step> steps = power.steps();
		for (int s = 0; s < steps.size(); s++) {
			PowerDescription.Step step = steps.get(s);
			for (int r = 0; r < step.risks().size(); r++) {
				PowerDescription.Risk risk = step.risks().get(r);
				String key = risk.code() == null || risk.code().isBlank() ? step.id() + "#" + (r + 1) : risk.code();
				if (!keys.add(key)) {
					key = key + "@" + step.id() + "#" + (r + 1);
					keys.add(key);
				}
				points.add(new RiskStore.Drawn(key, risk.code(), powerName, power.department(), step.id(), step.name(),
						s, r, String.join(",", step.candidateGroups()), risk.level(), risk.description(),
						risk.measure()));
			}
		}
		return points;
	}

	private static RiskStore.Drawn drawn(RiskStore.Row row) {
		return new RiskStore.Drawn(row.key(), row.code(), row.powerName(), row.department(), row.stepId(),
				row.stepName(), row.stepPosition(), row.riskPosition(), row.posts(), row.level(), row.description(),
				row.measure());
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
	}

}
