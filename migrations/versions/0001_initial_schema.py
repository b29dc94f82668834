"""Initial schema: documents and their rows, communes, agencies, ingest runs.

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

#: JSON on SQLite, JSONB on PostgreSQL (as kehoach.schema.tables.JsonType).
JSON_TYPE = sa.JSON(none_as_null=True).with_variant(postgresql.JSONB(none_as_null=True), "postgresql")


def upgrade() -> None:
    op.create_table('agencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agencies')),
    sa.UniqueConstraint('name', name=op.f('uq_agencies_name'))
    )
    op.create_table('communes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('code', sa.String(), nullable=True),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=True),
    sa.Column('province', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_communes')),
    sa.UniqueConstraint('code', name=op.f('uq_communes_code')),
    sa.UniqueConstraint('key', name=op.f('uq_communes_key'))
    )
    op.create_index(op.f('ix_communes_name'), 'communes', ['name'], unique=False)
    op.create_index(op.f('ix_communes_province'), 'communes', ['province'], unique=False)

    op.create_table('ingest_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('args', JSON_TYPE, nullable=False),
    sa.Column('pipeline_version', sa.String(), nullable=False),
    sa.Column('n_new', sa.Integer(), nullable=False),
    sa.Column('n_unchanged', sa.Integer(), nullable=False),
    sa.Column('n_versioned', sa.Integer(), nullable=False),
    sa.Column('n_failed', sa.Integer(), nullable=False),
    sa.Column('n_rows', sa.Integer(), nullable=False),
    sa.Column('n_issues', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ingest_runs'))
    )
    op.create_table('agency_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_agency_aliases_agency_id_agencies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agency_aliases')),
    sa.UniqueConstraint('alias', name=op.f('uq_agency_aliases_alias'))
    )
    op.create_index(op.f('ix_agency_aliases_agency_id'), 'agency_aliases', ['agency_id'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('source_path', sa.String(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=True),
    sa.Column('ocr_used', sa.Boolean(), nullable=False),
    sa.Column('contract', sa.String(), nullable=False),
    sa.Column('number', sa.String(), nullable=True),
    sa.Column('issue_date', sa.Date(), nullable=True),
    sa.Column('issue_year', sa.Integer(), nullable=True),
    sa.Column('issuer', sa.String(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('doc_type', sa.String(), nullable=False),
    sa.Column('place', sa.String(), nullable=True),
    sa.Column('commune_id', sa.Integer(), nullable=True),
    sa.Column('commune', sa.String(), nullable=True),
    sa.Column('commune_kind', sa.String(), nullable=True),
    sa.Column('province', sa.String(), nullable=True),
    sa.Column('commune_code', sa.String(), nullable=True),
    sa.Column('signer_name', sa.String(), nullable=True),
    sa.Column('signer_position', sa.String(), nullable=True),
    sa.Column('signer_authority', sa.String(), nullable=True),
    sa.Column('recipients', JSON_TYPE, nullable=False),
    sa.Column('pipeline_version', sa.String(), nullable=True),
    sa.Column('extracted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('loaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('plan_key', sa.String(), nullable=False),
    sa.Column('version_no', sa.Integer(), nullable=False),
    sa.Column('previous_id', sa.Integer(), nullable=True),
    sa.Column('extra', JSON_TYPE, nullable=True),
    sa.CheckConstraint('version_no >= 1', name=op.f('ck_documents_version_no_positive')),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_documents_commune_id_communes')),
    sa.ForeignKeyConstraint(['previous_id'], ['documents.id'], name=op.f('fk_documents_previous_id_documents')),
    sa.ForeignKeyConstraint(['run_id'], ['ingest_runs.id'], name=op.f('fk_documents_run_id_ingest_runs'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_documents_content_hash')),
    sa.UniqueConstraint('plan_key', 'version_no', name=op.f('uq_documents_plan_key_version_no')),
    sa.UniqueConstraint('previous_id', name=op.f('uq_documents_previous_id'))
    )
    op.create_index(op.f('ix_documents_commune_id'), 'documents', ['commune_id'], unique=False)
    op.create_index(op.f('ix_documents_issue_year'), 'documents', ['issue_year'], unique=False)
    op.create_index(op.f('ix_documents_number'), 'documents', ['number'], unique=False)
    op.create_index(op.f('ix_documents_province'), 'documents', ['province'], unique=False)
    op.create_index(op.f('ix_documents_run_id'), 'documents', ['run_id'], unique=False)
    op.create_index(op.f('ix_documents_source_path'), 'documents', ['source_path'], unique=False)

    op.create_table('ingest_failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('path', sa.String(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('failed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['ingest_runs.id'], name=op.f('fk_ingest_failures_run_id_ingest_runs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ingest_failures'))
    )
    op.create_index(op.f('ix_ingest_failures_run_id'), 'ingest_failures', ['run_id'], unique=False)

    op.create_table('extraction_issues',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('bbox', JSON_TYPE, nullable=True),
    sa.Column('value', sa.Text(), nullable=True),
    sa.Column('extra', JSON_TYPE, nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_extraction_issues_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_extraction_issues')),
    sa.UniqueConstraint('document_id', 'position', name=op.f('uq_extraction_issues_document_id_position'))
    )
    op.create_index(op.f('ix_extraction_issues_code'), 'extraction_issues', ['code'], unique=False)

    op.create_table('indicators',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('group_code', sa.String(), nullable=True),
    sa.Column('group_title', sa.Text(), nullable=True),
    sa.Column('ordinal', sa.String(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('unit', sa.String(), nullable=True),
    sa.Column('lead_raw', sa.Text(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('bbox', JSON_TYPE, nullable=True),
    sa.Column('extra', JSON_TYPE, nullable=True),
    sa.CheckConstraint("source IN ('table', 'prose')", name=op.f('ck_indicators_source_valid')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_indicators_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicators')),
    sa.UniqueConstraint('document_id', 'position', name=op.f('uq_indicators_document_id_position'))
    )
    op.create_table('legal_bases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('doc_type', sa.String(), nullable=True),
    sa.Column('number', sa.String(), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('issuer', sa.String(), nullable=True),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('bbox', JSON_TYPE, nullable=True),
    sa.Column('extra', JSON_TYPE, nullable=True),
    sa.CheckConstraint("kind IN ('can_cu', 'thuc_hien', 'xet_de_nghi')", name=op.f('ck_legal_bases_kind_valid')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_legal_bases_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_bases')),
    sa.UniqueConstraint('document_id', 'position', name=op.f('uq_legal_bases_document_id_position'))
    )
    op.create_index(op.f('ix_legal_bases_number'), 'legal_bases', ['number'], unique=False)

    op.create_table('responsibilities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('heading', sa.Text(), nullable=False),
    sa.Column('duties', JSON_TYPE, nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('bbox', JSON_TYPE, nullable=True),
    sa.Column('extra', JSON_TYPE, nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_responsibilities_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_responsibilities')),
    sa.UniqueConstraint('document_id', 'position', name=op.f('uq_responsibilities_document_id_position'))
    )
    op.create_table('tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('group_code', sa.String(), nullable=True),
    sa.Column('group_title', sa.Text(), nullable=True),
    sa.Column('ordinal', sa.String(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('subtask', sa.Text(), nullable=True),
    sa.Column('solution', sa.Text(), nullable=True),
    sa.Column('output', sa.Text(), nullable=True),
    sa.Column('kpi', sa.Text(), nullable=True),
    sa.Column('lead_raw', sa.Text(), nullable=True),
    sa.Column('partners_raw', sa.Text(), nullable=True),
    sa.Column('deadline_raw', sa.Text(), nullable=True),
    sa.Column('deadline_start', sa.Date(), nullable=True),
    sa.Column('deadline_end', sa.Date(), nullable=True),
    sa.Column('deadline_recurrence', sa.String(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('bbox', JSON_TYPE, nullable=True),
    sa.Column('extra', JSON_TYPE, nullable=True),
    sa.CheckConstraint("deadline_recurrence IS NULL OR deadline_recurrence IN ('continuous', 'annual', 'quarterly', 'monthly')", name=op.f('ck_tasks_deadline_recurrence_valid')),
    sa.CheckConstraint("source IN ('table', 'prose')", name=op.f('ck_tasks_source_valid')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_tasks_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tasks')),
    sa.UniqueConstraint('document_id', 'position', name=op.f('uq_tasks_document_id_position'))
    )
    op.create_index(op.f('ix_tasks_deadline_end'), 'tasks', ['deadline_end'], unique=False)

    op.create_table('indicator_agencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_indicator_agencies_agency_id_agencies')),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicators.id'], name=op.f('fk_indicator_agencies_indicator_id_indicators'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_agencies')),
    sa.UniqueConstraint('indicator_id', 'position', name=op.f('uq_indicator_agencies_indicator_id_position'))
    )
    op.create_index(op.f('ix_indicator_agencies_agency_id'), 'indicator_agencies', ['agency_id'], unique=False)

    op.create_table('responsibility_agencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('responsibility_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_responsibility_agencies_agency_id_agencies')),
    sa.ForeignKeyConstraint(['responsibility_id'], ['responsibilities.id'], name=op.f('fk_responsibility_agencies_responsibility_id_responsibilities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_responsibility_agencies')),
    sa.UniqueConstraint('responsibility_id', 'position', name=op.f('uq_responsibility_agencies_responsibility_id_position'))
    )
    op.create_index(op.f('ix_responsibility_agencies_agency_id'), 'responsibility_agencies', ['agency_id'], unique=False)

    op.create_table('targets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('op', sa.String(), nullable=True),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('value_bool', sa.Boolean(), nullable=True),
    sa.Column('unit', sa.String(), nullable=True),
    sa.Column('qualifier', sa.String(), nullable=True),
    sa.Column('label', sa.Text(), nullable=True),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('extra', JSON_TYPE, nullable=True),
    sa.CheckConstraint("kind IN ('numeric', 'boolean', 'text', 'none')", name=op.f('ck_targets_kind_valid')),
    sa.CheckConstraint("op IS NULL OR op IN ('>=', '>', '<=', '<', '=')", name=op.f('ck_targets_op_valid')),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicators.id'], name=op.f('fk_targets_indicator_id_indicators'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_targets')),
    sa.UniqueConstraint('indicator_id', 'position', name=op.f('uq_targets_indicator_id_position'))
    )
    op.create_index(op.f('ix_targets_year'), 'targets', ['year'], unique=False)

    op.create_table('task_agencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("role IN ('lead', 'partner')", name=op.f('ck_task_agencies_role_valid')),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_task_agencies_agency_id_agencies')),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_task_agencies_task_id_tasks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_agencies')),
    sa.UniqueConstraint('task_id', 'role', 'position', name=op.f('uq_task_agencies_task_id_role_position'))
    )
    op.create_index(op.f('ix_task_agencies_agency_id'), 'task_agencies', ['agency_id'], unique=False)



def downgrade() -> None:
    op.drop_table('task_agencies')
    op.drop_table('targets')
    op.drop_table('responsibility_agencies')
    op.drop_table('indicator_agencies')
    op.drop_table('tasks')
    op.drop_table('responsibilities')
    op.drop_table('legal_bases')
    op.drop_table('indicators')
    op.drop_table('extraction_issues')
    op.drop_table('ingest_failures')
    op.drop_table('documents')
    op.drop_table('agency_aliases')
    op.drop_table('ingest_runs')
    op.drop_table('communes')
    op.drop_table('agencies')
