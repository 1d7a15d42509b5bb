import { useState } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Button, Dialog, Form, Heading, Input, Label, ListBox, ListBoxItem, Modal, Popover, Select, SelectValue, TextField, type Key } from 'react-aria-components';
import { call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';

// Under 'project' so opening another project refetches them; the 'users' tag invalidates them too.
const usersKey = ['project', 'users', 'list'] as const;
const coderKey = ['project', 'users', 'coder'] as const;
const NEW = '__new__';

async function switchTo(name: string): Promise<void> {
  try {
    const coder = await call('session.setCoder', { name });
    useUi.getState().setStatus(i18next.t('reader.coder.switched', { name: coder }));
  } catch (err) {
    useUi.getState().setNotice(err instanceof BridgeError ? err.message : String(err));
  }
}

/** "Codeur: X" in the toolbar: every new coding records this project user; switchable, or a new one. */
export function CoderSwitcher() {
  const { t } = useTranslation();
  const users = useQuery({ queryKey: usersKey, queryFn: () => call('users.list', {}) });
  const coder = useQuery({ queryKey: coderKey, queryFn: () => call('session.coder', {}) });
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const names = new Set((users.data ?? []).map((u) => u.name));
  if (coder.data) names.add(coder.data);
  const items = [...names].sort((a, b) => a.localeCompare(b)).map((n) => ({ id: n, name: n }));
  const onChange = (key: Key | null) => {
    if (key === NEW) {
      setName('');
      setAdding(true);
    } else if (typeof key === 'string' && key !== coder.data) void switchTo(key);
  };
  return (
    <>
      <Select className="coder-select" selectedKey={coder.data ?? null} onSelectionChange={onChange} aria-label={t('reader.coder.label')}>
        <Button className="tool">
          <SelectValue>{() => t('reader.coder.shown', { name: coder.data ?? '…' })}</SelectValue>
          <span aria-hidden="true"> ▾</span>
        </Button>
        <Popover>
          <ListBox className="menu-list">
            {items.map((u) => <ListBoxItem key={u.id} id={u.id} className="menu-item">{u.name}</ListBoxItem>)}
            <ListBoxItem id={NEW} className="menu-item">{t('reader.coder.new')}</ListBoxItem>
          </ListBox>
        </Popover>
      </Select>
      <Modal isOpen={adding} isDismissable onOpenChange={setAdding} className="modal">
        <Dialog className="dialog">
          <Heading slot="title">{t('reader.coder.newTitle')}</Heading>
          <Form
            onSubmit={(e) => {
              e.preventDefault();
              if (!name.trim()) return;
              setAdding(false);
              void switchTo(name.trim());
            }}
          >
            <TextField className="field" value={name} onChange={setName} autoFocus isRequired maxLength={200}>
              <Label>{t('reader.coder.name')}</Label>
              <Input />
            </TextField>
            <div className="dialog__actions">
              <Button className="button" onPress={() => setAdding(false)}>{t('reader.coder.cancel')}</Button>
              <Button className="button button--primary" type="submit">{t('reader.coder.save')}</Button>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </>
  );
}
