import { useMemo } from 'react';
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

const ANY = '*';

export interface FilterOption {
  id: string;
  label: string;
}

interface Props {
  label: string;
  /** The first choice, meaning "no filter" (value null). */
  any: string;
  options: FilterOption[];
  value: string | null;
  onChange(value: string | null): void;
  /** Class names of the feature that shows it (the select, its label, its button). */
  classes: { root: string; label: string; button: string };
}

/** One filter as a select with an "any" choice first (retrieval, search). */
export function FilterSelect({ label, any, options, value, onChange, classes }: Props) {
  const items = useMemo(() => [{ id: ANY, label: any }, ...options], [any, options]);
  return (
    <Select className={classes.root} selectedKey={value ?? ANY} onSelectionChange={(k) => onChange(k === ANY ? null : String(k))}>
      <Label className={classes.label}>{label}</Label>
      <Button className={`tool ${classes.button}`}><SelectValue /><span aria-hidden="true"> ▾</span></Button>
      <Popover>
        <ListBox className="menu-list" items={items}>
          {(o) => <ListBoxItem id={o.id} className="menu-item" textValue={o.label}>{o.label}</ListBoxItem>}
        </ListBox>
      </Popover>
    </Select>
  );
}
