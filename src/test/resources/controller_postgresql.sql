-- The controller's tables on PostgreSQL (DESIGN.md, "The controller's database on a server"),
-- derived from spec/controller_sqlite.sql: the same tables, columns, keys (uid, version), unique
-- constraints and indexes, and no foreign keys: PostgreSQL cannot declare one to the non-unique
-- uid, so every cascade is the application's, as on SQLite. TIMESTAMP for DATETIME, SERIAL label uids.
CREATE TABLE "user" (
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description VARCHAR, 
	created TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	updated TIMESTAMP WITHOUT TIME ZONE, 
	spec JSON, 
	PRIMARY KEY (uid), 
	UNIQUE (name)
);
CREATE TABLE project (
	source VARCHAR DEFAULT '' NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description VARCHAR, 
	created TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	updated TIMESTAMP WITHOUT TIME ZONE, 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	UNIQUE (name)
);
CREATE INDEX ix_project_owner_id ON project (owner_id);
CREATE TABLE user_labels (
	uid SERIAL NOT NULL, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _user_labels_uc UNIQUE (name, parent)
);
CREATE INDEX idx_user_labels_name_value ON user_labels (name, value);
CREATE TABLE data_source (
	project_id VARCHAR(64) NOT NULL, 
	data_source_type VARCHAR NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description VARCHAR, 
	created TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	updated TIMESTAMP WITHOUT TIME ZONE, 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	UNIQUE (name)
);
CREATE INDEX ix_data_source_owner_id ON data_source (owner_id);
CREATE INDEX ix_data_source_project_id ON data_source (project_id);
CREATE TABLE dataset (
	project_id VARCHAR(64) NOT NULL, 
	task VARCHAR NOT NULL, 
	path VARCHAR, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description VARCHAR, 
	created TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	updated TIMESTAMP WITHOUT TIME ZONE, 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	UNIQUE (name)
);
CREATE INDEX ix_dataset_owner_id ON dataset (owner_id);
CREATE INDEX ix_dataset_project_id ON dataset (project_id);
CREATE TABLE document (
	project_id VARCHAR(64) NOT NULL, 
	path VARCHAR NOT NULL, 
	keywords JSON DEFAULT '[]' NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description VARCHAR, 
	created TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	updated TIMESTAMP WITHOUT TIME ZONE, 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	UNIQUE (name)
);
CREATE INDEX ix_document_owner_id ON document (owner_id);
CREATE INDEX ix_document_project_id ON document (project_id);
CREATE TABLE model (
	project_id VARCHAR(64) NOT NULL, 
	is_adapter BOOLEAN NOT NULL, 
	task VARCHAR NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description VARCHAR, 
	created TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	updated TIMESTAMP WITHOUT TIME ZONE, 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	UNIQUE (name)
);
CREATE INDEX ix_model_owner_id ON model (owner_id);
CREATE INDEX ix_model_project_id ON model (project_id);
CREATE TABLE project_labels (
	uid SERIAL NOT NULL, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _project_labels_uc UNIQUE (name, parent)
);
CREATE INDEX idx_project_labels_name_value ON project_labels (name, value);
CREATE TABLE prompt (
	project_id VARCHAR(64) NOT NULL, 
	format VARCHAR NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description VARCHAR, 
	created TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	updated TIMESTAMP WITHOUT TIME ZONE, 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	UNIQUE (name)
);
CREATE INDEX ix_prompt_owner_id ON prompt (owner_id);
CREATE INDEX ix_prompt_project_id ON prompt (project_id);
CREATE TABLE workflow (
	project_id VARCHAR(64) NOT NULL, 
	workflow_type VARCHAR NOT NULL, 
	state VARCHAR NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description VARCHAR, 
	created TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	updated TIMESTAMP WITHOUT TIME ZONE, 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	UNIQUE (name)
);
CREATE INDEX ix_workflow_owner_id ON workflow (owner_id);
CREATE INDEX ix_workflow_project_id ON workflow (project_id);
CREATE INDEX ix_workflow_state ON workflow (state);
CREATE INDEX ix_workflow_workflow_type ON workflow (workflow_type);
CREATE TABLE data_source_labels (
	uid SERIAL NOT NULL, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _data_source_labels_uc UNIQUE (name, parent)
);
CREATE INDEX idx_data_source_labels_name_value ON data_source_labels (name, value);
CREATE TABLE dataset_labels (
	uid SERIAL NOT NULL, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _dataset_labels_uc UNIQUE (name, parent)
);
CREATE INDEX idx_dataset_labels_name_value ON dataset_labels (name, value);
CREATE TABLE deployment (
	project_id VARCHAR(64) NOT NULL, 
	workflow_id VARCHAR(64), 
	model_id VARCHAR(64), 
	is_remote BOOLEAN NOT NULL, 
	type VARCHAR NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description VARCHAR, 
	created TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	updated TIMESTAMP WITHOUT TIME ZONE, 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	UNIQUE (name)
);
CREATE INDEX ix_deployment_model_id ON deployment (model_id);
CREATE INDEX ix_deployment_owner_id ON deployment (owner_id);
CREATE INDEX ix_deployment_project_id ON deployment (project_id);
CREATE INDEX ix_deployment_workflow_id ON deployment (workflow_id);
CREATE TABLE document_labels (
	uid SERIAL NOT NULL, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _document_labels_uc UNIQUE (name, parent)
);
CREATE INDEX idx_document_labels_name_value ON document_labels (name, value);
CREATE TABLE model_labels (
	uid SERIAL NOT NULL, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _model_labels_uc UNIQUE (name, parent)
);
CREATE INDEX idx_model_labels_name_value ON model_labels (name, value);
CREATE TABLE prompt_labels (
	uid SERIAL NOT NULL, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _prompt_labels_uc UNIQUE (name, parent)
);
CREATE INDEX idx_prompt_labels_name_value ON prompt_labels (name, value);
CREATE TABLE schedule (
	workflow_id VARCHAR(64) NOT NULL, 
	status VARCHAR NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description VARCHAR, 
	created TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	updated TIMESTAMP WITHOUT TIME ZONE, 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	UNIQUE (name)
);
CREATE INDEX ix_schedule_owner_id ON schedule (owner_id);
CREATE INDEX ix_schedule_status ON schedule (status);
CREATE INDEX ix_schedule_workflow_id ON schedule (workflow_id);
CREATE TABLE session (
	workflow_id VARCHAR(64), 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description VARCHAR, 
	created TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	updated TIMESTAMP WITHOUT TIME ZONE, 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	UNIQUE (name)
);
CREATE INDEX ix_session_owner_id ON session (owner_id);
CREATE INDEX ix_session_workflow_id ON session (workflow_id);
CREATE TABLE workflow_labels (
	uid SERIAL NOT NULL, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _workflow_labels_uc UNIQUE (name, parent)
);
CREATE INDEX idx_workflow_labels_name_value ON workflow_labels (name, value);
CREATE TABLE deployment_labels (
	uid SERIAL NOT NULL, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _deployment_labels_uc UNIQUE (name, parent)
);
CREATE INDEX idx_deployment_labels_name_value ON deployment_labels (name, value);
CREATE TABLE run (
	workflow_id VARCHAR(64), 
	schedule_id VARCHAR(64), 
	status VARCHAR NOT NULL, 
	version VARCHAR(255) NOT NULL, 
	owner_id VARCHAR(64), 
	uid VARCHAR(64) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	description VARCHAR, 
	created TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	updated TIMESTAMP WITHOUT TIME ZONE, 
	spec JSON, 
	PRIMARY KEY (uid, version), 
	UNIQUE (name)
);
CREATE INDEX ix_run_owner_id ON run (owner_id);
CREATE INDEX ix_run_schedule_id ON run (schedule_id);
CREATE INDEX ix_run_status ON run (status);
CREATE INDEX ix_run_workflow_id ON run (workflow_id);
CREATE TABLE schedule_labels (
	uid SERIAL NOT NULL, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _schedule_labels_uc UNIQUE (name, parent)
);
CREATE INDEX idx_schedule_labels_name_value ON schedule_labels (name, value);
CREATE TABLE session_labels (
	uid SERIAL NOT NULL, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _session_labels_uc UNIQUE (name, parent)
);
CREATE INDEX idx_session_labels_name_value ON session_labels (name, value);
CREATE TABLE run_labels (
	uid SERIAL NOT NULL, 
	name VARCHAR(255), 
	value VARCHAR(255), 
	parent VARCHAR(255), 
	PRIMARY KEY (uid), 
	CONSTRAINT _run_labels_uc UNIQUE (name, parent)
);
CREATE INDEX idx_run_labels_name_value ON run_labels (name, value);
