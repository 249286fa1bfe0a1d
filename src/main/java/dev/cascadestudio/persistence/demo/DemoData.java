package dev.cascadestudio.persistence.demo;

import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * The data set a newcomer sees on first launch: a few teams' projects with every kind of child,
 * workflows with schedules, runs, sessions and deployments, a deployment serving another project's
 * model, rows that already have no owner, and labels everywhere. Always the same rows.
 */
public final class DemoData {

    private DemoData() {}

    public static long load(Database database) {
        return database.fromConnection(connection -> {
            try (BatchInserter inserter = new BatchInserter(connection, database.kind(), database.sqlNames(), 200)) {
                write(new RowBuilder(inserter, LocalDateTime.of(2026, 3, 2, 9, 0)));
                inserter.flush();
                return inserter.inserted();
            }
        });
    }

    private static void write(RowBuilder b) throws SQLException {
        String alice = b.user("alice", "Alice Chen — ML platform lead");
        String bob = b.user("bob", "Bob Okafor — fraud analytics");
        String carol = b.user("carol", "Carol Díaz — search and retrieval");
        String dmitri = b.user("dmitri", "Dmitri Volkov — data engineering");
        b.user("erin", "Erin Walsh — new joiner, owns nothing yet");
        b.label("user", "team", "platform", "alice");
        b.label("user", "team", "risk", "bob");
        b.label("user", "team", "search", "carol");
        b.label("user", "team", "data", "dmitri");

        // customer support: the richest project
        String support = b.project("customer-support-assistant", alice, "Answers and triages support tickets");
        b.label("project", "env", "production", "customer-support-assistant");
        b.dataSource("zendesk-tickets", support, dmitri, "zendesk");
        b.dataSource("confluence-kb", support, alice, "confluence");
        b.label("data_source", "sync", "hourly", "zendesk-tickets");
        b.dataset("support-tickets-2025", support, dmitri, "text-classification");
        b.dataset("support-eval-set", support, alice, "question-answering");
        b.label("dataset", "pii", "redacted", "support-tickets-2025");
        String supportLlm = b.model("support-llama-8b-lora", support, alice, "text-generation", true);
        String embedder = b.model("support-embedder", support, alice, "feature-extraction", false);
        b.label("model", "stage", "production", "support-llama-8b-lora");
        b.prompt("ticket-triage-prompt", support, alice, "chat");
        b.prompt("reply-draft-prompt", support, alice, "chat");
        b.prompt("tone-check-prompt", support, null, "completion");
        b.label("prompt", "reviewed-by", "alice", "ticket-triage-prompt");
        b.document("refund-policy.pdf", support, alice, "[\"refund\", \"policy\"]");
        b.document("shipping-faq.md", support, dmitri, "[\"shipping\"]");
        b.document("escalation-guide.md", support, null, "[]");
        b.label("document", "lang", "en", "refund-policy.pdf");
        String triage = b.workflow("ticket-triage", support, alice, "application");
        String drafter = b.workflow("reply-drafter", support, alice, "application");
        String kbIngest = b.workflow("kb-ingestion", support, dmitri, "ingestion");
        b.label("workflow", "owner-team", "platform", "ticket-triage");
        b.label("workflow", "sla", "99.9", "ticket-triage");
        String nightly = b.schedule("kb-ingestion-nightly", kbIngest, dmitri, "0 2 * * *");
        String hourly = b.schedule("triage-retrain-hourly", triage, alice, "0 * * * *");
        b.label("schedule", "window", "night", "kb-ingestion-nightly");
        for (int i = 1; i <= 4; i++) {
            b.run("kb-ingestion-run-" + i, kbIngest, nightly, dmitri, i == 4 ? "failed" : "completed");
        }
        b.run("kb-ingestion-manual-1", kbIngest, null, dmitri, "completed");
        b.run("triage-retrain-1", triage, hourly, alice, "completed");
        b.run("triage-retrain-2", triage, hourly, alice, "running");
        b.run("reply-drafter-eval-1", drafter, null, alice, "completed");
        b.label("run", "trigger", "manual", "kb-ingestion-manual-1");
        b.session("support-chat-0142", triage, bob);
        b.session("support-chat-0143", triage, carol);
        b.session("drafter-playground", drafter, alice);
        b.label("session", "channel", "web", "support-chat-0142");
        b.deployment("support-chat-prod", support, alice, triage, supportLlm, false);
        b.deployment("support-embedder-api", support, alice, null, embedder, true);
        b.label("deployment", "region", "eu-west-1", "support-chat-prod");

        // fraud detection
        String fraud = b.project("fraud-detection", bob, "Scores card transactions in real time");
        b.label("project", "env", "production", "fraud-detection");
        b.dataSource("transactions-kafka", fraud, bob, "kafka");
        b.dataset("transactions-labelled", fraud, bob, "tabular-classification");
        String scorer = b.model("fraud-scorer-xgb", fraud, bob, "tabular-classification", false);
        b.prompt("analyst-summary-prompt", fraud, bob, "chat");
        b.document("fraud-playbook.md", fraud, bob, "[\"playbook\"]");
        String scoring = b.workflow("transaction-scoring", fraud, bob, "application");
        String retrain = b.workflow("weekly-retrain", fraud, bob, "training");
        String weekly = b.schedule("retrain-weekly", retrain, bob, "0 3 * * 1");
        for (int i = 1; i <= 3; i++) {
            b.run("weekly-retrain-run-" + i, retrain, weekly, bob, "completed");
        }
        b.run("scoring-smoke-test", scoring, null, bob, "completed");
        b.session("analyst-review-17", scoring, bob);
        b.deployment("fraud-scoring-prod", fraud, bob, scoring, scorer, false);
        b.label("deployment", "region", "us-east-1", "fraud-scoring-prod");

        // enterprise search: its deployment serves the support project's embedder
        String search = b.project("enterprise-search", carol, "Semantic search over the intranet");
        b.dataSource("sharepoint-crawl", search, carol, "sharepoint");
        b.dataset("query-logs-q1", search, carol, "retrieval");
        b.prompt("rerank-prompt", search, carol, "chat");
        b.document("search-onboarding.md", search, carol, "[\"onboarding\", \"search\"]");
        String rag = b.workflow("intranet-rag", search, carol, "application");
        b.schedule("reindex-daily", rag, carol, "30 1 * * *");
        b.run("intranet-rag-eval-1", rag, null, carol, "completed");
        b.session("search-demo-session", rag, carol);
        b.deployment("intranet-search-prod", search, carol, rag, embedder, false);
        b.label("deployment", "shared-model", "support-embedder", "intranet-search-prod");

        // marketing copy: small, alice's second project
        String marketing = b.project("marketing-copy", alice, "Drafts campaign copy");
        b.prompt("tagline-prompt", marketing, alice, "completion");
        b.workflow("campaign-drafts", marketing, alice, "application");

        // legacy migration: its owner left; rows without owner stay reachable
        String legacy = b.project("legacy-migration", null, "Imported from the old platform; owner account was removed");
        b.dataset("legacy-archive", legacy, null, "text-generation");
        b.document("migration-notes.txt", legacy, null, "[\"legacy\"]");
        String oldFlow = b.workflow("legacy-batch", legacy, null, "batch");
        b.run("legacy-batch-run-1", oldFlow, null, null, "completed");

        // rows whose workflow is already gone, and a session with no owner at all
        b.run("orphaned-run-2025-11", null, null, bob, "failed");
        b.session("anonymous-session", null, null);
    }
}
