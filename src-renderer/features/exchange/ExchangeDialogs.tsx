// The open exchange dialog, if any (mounted once in App, with or without a project).
import { useExchange } from './exchange-store.ts';
import { QdpxImportDialog } from './QdpxImportDialog.tsx';
import { QdpxExportDialog } from './QdpxExportDialog.tsx';
import { QdcImportDialog } from './QdcImportDialog.tsx';
import { AttributeSheetDialog } from './AttributeSheetDialog.tsx';
import './exchange.css';

export function ExchangeDialogs() {
  const dialog = useExchange((s) => s.dialog);
  switch (dialog.kind) {
    case 'qdpxImport':
      return <QdpxImportDialog key={dialog.path} path={dialog.path} />;
    case 'qdpxExport':
      return <QdpxExportDialog key={dialog.path} path={dialog.path} />;
    case 'qdcImport':
      return <QdcImportDialog key={dialog.path} path={dialog.path} />;
    case 'attributes':
      return <AttributeSheetDialog key={dialog.path} path={dialog.path} />;
    default:
      return null;
  }
}
