-- The controller's tables on MariaDB / MySQL, as its SQLAlchemy 1.4 models create them (DESIGN.md,
-- "The controller's database on a server"), derived from spec/controller_sqlite.sql: the same
-- tables, columns, constraints and indexes, with PRIMARY KEY (uid, version) (uid first, which lets
-- InnoDB accept the foreign keys to the non-unique uid), InnoDB foreign keys enforced with the
-- SQLite DDL's ON DELETE clauses (none = RESTRICT), DATETIME(6), JSON (MariaDB: LONGTEXT with a
-- JSON check), BOOLEAN (TINYINT(1)), TEXT for unsized strings, AUTO_INCREMENT label uids.
-- The collation is the database's (the tests create it in utf8mb4_nopad_bin or utf8mb4_general_ci).
CREATE TABLE `user` (
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description TEXT, 
	created DATETIME(6) NOT NULL, 
	updated DATETIME(6), 
	spec JSON, 
	PRIMARY KEY (uid), 
	UNIQUE (name)
) ENGINE=InnoDB;
CREATE TABLE project (
	source TEXT DEFAULT '' NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description TEXT, 
	created DATETIME(6) NOT NULL, 
	updated DATETIME(6), 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	FOREIGN KEY(owner_id) REFERENCES `user` (uid) ON DELETE SET NULL, 
	UNIQUE (name)
) ENGINE=InnoDB;
CREATE INDEX ix_project_owner_id ON project (owner_id);
CREATE TABLE user_labels (
	uid INTEGER NOT NULL AUTO_INCREMENT, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _user_labels_uc UNIQUE (name, parent), 
	FOREIGN KEY(parent) REFERENCES `user` (name)
) ENGINE=InnoDB;
CREATE INDEX idx_user_labels_name_value ON user_labels (name, value);
CREATE TABLE data_source (
	project_id VARCHAR(64) NOT NULL, 
	data_source_type TEXT NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description TEXT, 
	created DATETIME(6) NOT NULL, 
	updated DATETIME(6), 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	FOREIGN KEY(project_id) REFERENCES project (uid), 
	FOREIGN KEY(owner_id) REFERENCES `user` (uid) ON DELETE SET NULL, 
	UNIQUE (name)
) ENGINE=InnoDB;
CREATE INDEX ix_data_source_owner_id ON data_source (owner_id);
CREATE INDEX ix_data_source_project_id ON data_source (project_id);
CREATE TABLE dataset (
	project_id VARCHAR(64) NOT NULL, 
	task TEXT NOT NULL, 
	path TEXT, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description TEXT, 
	created DATETIME(6) NOT NULL, 
	updated DATETIME(6), 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	FOREIGN KEY(project_id) REFERENCES project (uid), 
	FOREIGN KEY(owner_id) REFERENCES `user` (uid) ON DELETE SET NULL, 
	UNIQUE (name)
) ENGINE=InnoDB;
CREATE INDEX ix_dataset_owner_id ON dataset (owner_id);
CREATE INDEX ix_dataset_project_id ON dataset (project_id);
CREATE TABLE document (
	project_id VARCHAR(64) NOT NULL, 
	path TEXT NOT NULL, 
	keywords JSON DEFAULT '[]' NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description TEXT, 
	created DATETIME(6) NOT NULL, 
	updated DATETIME(6), 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	FOREIGN KEY(project_id) REFERENCES project (uid), 
	FOREIGN KEY(owner_id) REFERENCES `user` (uid) ON DELETE SET NULL, 
	UNIQUE (name)
) ENGINE=InnoDB;
CREATE INDEX ix_document_owner_id ON document (owner_id);
CREATE INDEX ix_document_project_id ON document (project_id);
CREATE TABLE model (
	project_id VARCHAR(64) NOT NULL, 
	is_adapter BOOLEAN NOT NULL, 
	task TEXT NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description TEXT, 
	created DATETIME(6) NOT NULL, 
	updated DATETIME(6), 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	FOREIGN KEY(project_id) REFERENCES project (uid), 
	FOREIGN KEY(owner_id) REFERENCES `user` (uid) ON DELETE SET NULL, 
	UNIQUE (name)
) ENGINE=InnoDB;
CREATE INDEX ix_model_owner_id ON model (owner_id);
CREATE INDEX ix_model_project_id ON model (project_id);
CREATE TABLE project_labels (
	uid INTEGER NOT NULL AUTO_INCREMENT, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _project_labels_uc UNIQUE (name, parent), 
	FOREIGN KEY(parent) REFERENCES project (name)
) ENGINE=InnoDB;
CREATE INDEX idx_project_labels_name_value ON project_labels (name, value);
CREATE TABLE prompt (
	project_id VARCHAR(64) NOT NULL, 
	format TEXT NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description TEXT, 
	created DATETIME(6) NOT NULL, 
	updated DATETIME(6), 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	FOREIGN KEY(project_id) REFERENCES project (uid), 
	FOREIGN KEY(owner_id) REFERENCES `user` (uid) ON DELETE SET NULL, 
	UNIQUE (name)
) ENGINE=InnoDB;
CREATE INDEX ix_prompt_owner_id ON prompt (owner_id);
CREATE INDEX ix_prompt_project_id ON prompt (project_id);
CREATE TABLE workflow (
	project_id VARCHAR(64) NOT NULL, 
	workflow_type TEXT NOT NULL, 
	state TEXT NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description TEXT, 
	created DATETIME(6) NOT NULL, 
	updated DATETIME(6), 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	FOREIGN KEY(project_id) REFERENCES project (uid), 
	FOREIGN KEY(owner_id) REFERENCES `user` (uid) ON DELETE SET NULL, 
	UNIQUE (name)
) ENGINE=InnoDB;
CREATE INDEX ix_workflow_owner_id ON workflow (owner_id);
CREATE INDEX ix_workflow_project_id ON workflow (project_id);
CREATE INDEX ix_workflow_state ON workflow (state);
CREATE INDEX ix_workflow_workflow_type ON workflow (workflow_type);
CREATE TABLE data_source_labels (
	uid INTEGER NOT NULL AUTO_INCREMENT, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _data_source_labels_uc UNIQUE (name, parent), 
	FOREIGN KEY(parent) REFERENCES data_source (name)
) ENGINE=InnoDB;
CREATE INDEX idx_data_source_labels_name_value ON data_source_labels (name, value);
CREATE TABLE dataset_labels (
	uid INTEGER NOT NULL AUTO_INCREMENT, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _dataset_labels_uc UNIQUE (name, parent), 
	FOREIGN KEY(parent) REFERENCES dataset (name)
) ENGINE=InnoDB;
CREATE INDEX idx_dataset_labels_name_value ON dataset_labels (name, value);
CREATE TABLE deployment (
	project_id VARCHAR(64) NOT NULL, 
	workflow_id VARCHAR(64), 
	model_id VARCHAR(64), 
	is_remote BOOLEAN NOT NULL, 
	type TEXT NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description TEXT, 
	created DATETIME(6) NOT NULL, 
	updated DATETIME(6), 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	FOREIGN KEY(project_id) REFERENCES project (uid), 
	FOREIGN KEY(workflow_id) REFERENCES workflow (uid) ON DELETE SET NULL, 
	FOREIGN KEY(model_id) REFERENCES model (uid) ON DELETE SET NULL, 
	FOREIGN KEY(owner_id) REFERENCES `user` (uid) ON DELETE SET NULL, 
	UNIQUE (name)
) ENGINE=InnoDB;
CREATE INDEX ix_deployment_model_id ON deployment (model_id);
CREATE INDEX ix_deployment_owner_id ON deployment (owner_id);
CREATE INDEX ix_deployment_project_id ON deployment (project_id);
CREATE INDEX ix_deployment_workflow_id ON deployment (workflow_id);
CREATE TABLE document_labels (
	uid INTEGER NOT NULL AUTO_INCREMENT, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _document_labels_uc UNIQUE (name, parent), 
	FOREIGN KEY(parent) REFERENCES document (name)
) ENGINE=InnoDB;
CREATE INDEX idx_document_labels_name_value ON document_labels (name, value);
CREATE TABLE model_labels (
	uid INTEGER NOT NULL AUTO_INCREMENT, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _model_labels_uc UNIQUE (name, parent), 
	FOREIGN KEY(parent) REFERENCES model (name)
) ENGINE=InnoDB;
CREATE INDEX idx_model_labels_name_value ON model_labels (name, value);
CREATE TABLE prompt_labels (
	uid INTEGER NOT NULL AUTO_INCREMENT, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _prompt_labels_uc UNIQUE (name, parent), 
	FOREIGN KEY(parent) REFERENCES prompt (name)
) ENGINE=InnoDB;
CREATE INDEX idx_prompt_labels_name_value ON prompt_labels (name, value);
CREATE TABLE schedule (
	workflow_id VARCHAR(64) NOT NULL, 
	status TEXT NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description TEXT, 
	created DATETIME(6) NOT NULL, 
	updated DATETIME(6), 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	FOREIGN KEY(workflow_id) REFERENCES workflow (uid) ON DELETE CASCADE, 
	FOREIGN KEY(owner_id) REFERENCES `user` (uid) ON DELETE SET NULL, 
	UNIQUE (name)
) ENGINE=InnoDB;
CREATE INDEX ix_schedule_owner_id ON schedule (owner_id);
CREATE INDEX ix_schedule_status ON schedule (status);
CREATE INDEX ix_schedule_workflow_id ON schedule (workflow_id);
CREATE TABLE session (
	workflow_id VARCHAR(64), 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description TEXT, 
	created DATETIME(6) NOT NULL, 
	updated DATETIME(6), 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	FOREIGN KEY(workflow_id) REFERENCES workflow (uid) ON DELETE SET NULL, 
	FOREIGN KEY(owner_id) REFERENCES `user` (uid) ON DELETE SET NULL, 
	UNIQUE (name)
) ENGINE=InnoDB;
CREATE INDEX ix_session_owner_id ON session (owner_id);
CREATE INDEX ix_session_workflow_id ON session (workflow_id);
CREATE TABLE workflow_labels (
	uid INTEGER NOT NULL AUTO_INCREMENT, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _workflow_labels_uc UNIQUE (name, parent), 
	FOREIGN KEY(parent) REFERENCES workflow (name)
) ENGINE=InnoDB;
CREATE INDEX idx_workflow_labels_name_value ON workflow_labels (name, value);
CREATE TABLE deployment_labels (
	uid INTEGER NOT NULL AUTO_INCREMENT, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _deployment_labels_uc UNIQUE (name, parent), 
	FOREIGN KEY(parent) REFERENCES deployment (name)
) ENGINE=InnoDB;
CREATE INDEX idx_deployment_labels_name_value ON deployment_labels (name, value);
CREATE TABLE run (
	workflow_id VARCHAR(64), 
	schedule_id VARCHAR(64), 
	status TEXT NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description TEXT, 
	created DATETIME(6) NOT NULL, 
	updated DATETIME(6), 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	FOREIGN KEY(workflow_id) REFERENCES workflow (uid) ON DELETE SET NULL, 
	FOREIGN KEY(schedule_id) REFERENCES schedule (uid) ON DELETE SET NULL, 
	FOREIGN KEY(owner_id) REFERENCES `user` (uid) ON DELETE SET NULL, 
	UNIQUE (name)
) ENGINE=InnoDB;
CREATE INDEX ix_run_owner_id ON run (owner_id);
CREATE INDEX ix_run_schedule_id ON run (schedule_id);
CREATE INDEX ix_run_status ON run (status);
CREATE INDEX ix_run_workflow_id ON run (workflow_id);
CREATE TABLE schedule_labels (
	uid INTEGER NOT NULL AUTO_INCREMENT, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _schedule_labels_uc UNIQUE (name, parent), 
	FOREIGN KEY(parent) REFERENCES schedule (name)
) ENGINE=InnoDB;
CREATE INDEX idx_schedule_labels_name_value ON schedule_labels (name, value);
CREATE TABLE session_labels (
	uid INTEGER NOT NULL AUTO_INCREMENT, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _session_labels_uc UNIQUE (name, parent), 
	FOREIGN KEY(parent) REFERENCES session (name)
) ENGINE=InnoDB;
CREATE INDEX idx_session_labels_name_value ON session_labels (name, value);
CREATE TABLE run_labels (
	uid INTEGER NOT NULL AUTO_INCREMENT, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _run_labels_uc UNIQUE (name, parent), 
	FOREIGN KEY(parent) REFERENCES run (name)
) ENGINE=InnoDB;
CREATE INDEX idx_run_labels_name_value ON run_labels (name, value);
