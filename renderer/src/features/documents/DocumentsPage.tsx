import { Alert, App, Button, Card, Col, DatePicker, Empty, Row, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { todayIso } from '../../../../shared/clock/today';
import { documentFileName } from '../../../../shared/documents/generate';
import { templateSections } from '../../../../shared/documents/sections';
import { documentDate } from '../../../../shared/facts/annual';
import { useServices } from '../../app/services';
import { FILTERS } from '../../platform';
import { office } from '../../workers/office';
import { BUNDLED, type TemplateChoice } from './bundled';
import { DocPreview } from './DocPreview';
import { DocumentChecks } from './DocumentChecks';
import { copyTemplate, deleteTemplate, saveTemplate } from './mutations';
import { SectionsForm } from './SectionsForm';
import { useSectionDrafts } from './useSectionDrafts';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';
import { useDocumentYears, useUserTemplates, useYearNote } from './queries';
import { useDocumentFacts } from './useDocumentFacts';
import { TemplateEditor } from './TemplateEditor';
import { TemplateActions, TemplatePicker } from './TemplatePicker';
import { useDocument } from './useDocument';
import { PrintButton } from '../../components/print/PrintButton';
import { useDay } from '../../components/dates';
import { errorText } from '../../../../shared/error-text';

/** Summaries are written from October on for the current year, earlier in the year for the last one. */
function defaultYear(years: readonly number[], today: string): number {
  const current = Number(today.slice(0, 4));
  if (Number(today.slice(5, 7)) >= 10 || !years.includes(current - 1)) return years.includes(current) ? current : years[0]!;
  return current - 1;
}

/** 文档: pick a template and a year, write each section's paragraph, preview the printed page, save a Word file. */
export function DocumentsPage() {
  const { mutator, platform } = useServices();
  const { message } = App.useApp();
  const years = useDocumentYears();
  const userTemplates = useUserTemplates();
  const [year, setYear] = useState<number | null>(null);
  const [templateKey, setTemplateKey] = useState<string>(BUNDLED[0]!.key);
  const [editing, setEditing] = useState<string | null>(null);
  const [editSource, setEditSource] = useState('');
  const [busy, setBusy] = useState<'' | 'generate' | 'template'>('');

  useEffect(() => {
    if (year === null && years && years.length > 0) setYear(defaultYear(years, todayIso()));
  }, [year, years]);

  const activeYear = year ?? Number(todayIso().slice(0, 4));
  // 成文日期: today for the current year, 31 December for a past one, unless the user picks another day
  const [pickedDate, setPickedDate] = useState<string | null>(null);
  const date = pickedDate ?? documentDate(activeYear);
  const pickerDay = useDay(date);
  const counted = useDocumentFacts(activeYear, date);
  // The figures shown are another day's or year's until the new ones are counted: nothing is
  // written or printed from them meanwhile.
  const stale = counted !== undefined && (counted.year !== activeYear || counted.date !== date);
  const note = useYearNote(activeYear);
  const lastNote = useYearNote(activeYear - 1);
  const drafts = useSectionDrafts(activeYear, note);

  const choices: TemplateChoice[] = useMemo(
    () => [...BUNDLED, ...(userTemplates ?? []).map((t) => ({ key: t.id, name: t.name, source: t.source, bundled: false }))],
    [userTemplates],
  );
  const choice = choices.find((c) => c.key === templateKey) ?? BUNDLED[0]!;
  const userTemplate = userTemplates?.find((t) => t.id === choice.key);
  const source = editing === choice.key ? editSource : choice.source;
  const { facts, built, error, errorLine } = useDocument(counted, drafts.texts, source);
  const sections = useMemo(() => templateSections(source), [source]);
  const templateDirty = editing !== null && userTemplate !== undefined && editSource !== userTemplate.source;
  const closeEditor = useGuardedClose({
    open: editing !== null,
    dirty: templateDirty,
    save: () => saveEdited(),
    close: () => setEditing(null),
  });
  // Choosing another template closes the editor too, so it asks the same question first; the
  // chosen template is applied only once the typed changes are saved or given up.
  const chosenKey = useRef<string | null>(null);
  const leaveEditorFor = useGuardedClose({
    open: editing !== null,
    dirty: templateDirty,
    save: () => saveEdited(),
    close: () => {
      setEditing(null);
      if (chosenKey.current !== null) setTemplateKey(chosenKey.current);
      chosenKey.current = null;
    },
  });

  if (!years || !userTemplates) return <Spin />;

  const generate = async () => {
    if (!facts) return;
    setBusy('generate');
    try {
      const { meta, bytes } = await office.wordDocument(source, facts, counted?.photos ?? []);
      const name = built ? documentFileName(built.model, meta, activeYear) : `${activeYear}年${meta.name}.docx`;
      if (await platform.saveFile(name, bytes, FILTERS.docx)) message.success(`已生成 ${name}`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy('');
    }
  };

  const copy = async () => {
    const created = await copyTemplate(mutator, source, choice.key);
    setTemplateKey(created.id);
    setEditSource(created.source);
    setEditing(created.id);
    message.success(`已复制为“${created.name}”，可以在左侧编辑`);
  };

  const saveEdited = async (text: string = editSource): Promise<boolean> => {
    if (!userTemplate || error || text !== editSource) return false;
    setBusy('template');
    try {
      await saveTemplate(mutator, userTemplate, text);
      message.success('模板已保存');
      return true;
    } finally {
      setBusy('');
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <TemplatePicker
            userTemplates={userTemplates}
            value={choice.key}
            onChange={(key) => {
              chosenKey.current = key;
              leaveEditorFor();
            }}
          />
          <span>年度</span>
          <Select
            aria-label="年度"
            style={{ width: 110 }}
            value={activeYear}
            onChange={(y) => {
              setYear(y);
              setPickedDate(null);
            }}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
          />
          <span>成文日期</span>
          <DatePicker
            aria-label="成文日期"
            allowClear={false}
            value={pickerDay}
            onChange={(d) => setPickedDate(d ? d.format('YYYY-MM-DD') : null)}
          />
          <Button type="primary" onClick={generate} loading={busy === 'generate'} disabled={!built || stale}>
            生成 Word 文档
          </Button>
          <PrintButton label="打印预览" disabled={!built || stale} />
          <Button onClick={copy}>复制为我的模板</Button>
          <TemplateActions
            template={userTemplate}
            editing={editing !== null && editing === userTemplate?.id}
            onEdit={(t) => {
              setEditSource(t.source);
              setEditing(t.id);
            }}
            onDelete={async (t) => {
              await deleteTemplate(mutator, t);
              setEditing(null);
              setTemplateKey(BUNDLED[0]!.key);
              message.success('模板已删除');
            }}
          />
        </Space>
      </Card>
      {facts && <DocumentChecks facts={facts} />}
      <Row gutter={16}>
        <Col xs={24} xl={9}>
          {editing && userTemplate ? (
            <TemplateEditor
              key={userTemplate.id}
              name={userTemplate.name}
              source={editSource}
              error={error}
              errorLine={errorLine}
              saving={busy === 'template'}
              onChange={setEditSource}
              onSave={(text) => void saveEdited(text)}
              onClose={closeEditor}
            />
          ) : !drafts.texts ? (
            <Spin />
          ) : (
            <SectionsForm
              year={activeYear}
              sections={sections}
              facts={facts}
              texts={drafts.texts}
              lastYear={lastNote?.year === activeYear - 1 && lastNote.note ? lastNote.note.sections : null}
              status={drafts.status}
              error={drafts.error}
              onChange={drafts.setText}
            />
          )}
        </Col>
        <Col xs={24} xl={15}>
          <Card
            size="small"
            title="预览"
            extra={
              <Typography.Text type="secondary">
                {stale ? (
                  <span data-testid="doc-counting">
                    <Spin size="small" /> 正在按{date}统计…
                  </span>
                ) : (
                  '按 GB/T 9704 版式，与生成的 Word 文档一致'
                )}
              </Typography.Text>
            }
          >
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
            {!counted ? (
              <Spin />
            ) : built ? (
              <div style={{ height: '75vh' }}>
                <DocPreview model={built.model} attachments={counted.photos} />
              </div>
            ) : (
              !error && <Empty />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
