import { useTranslation } from 'react-i18next';
import { Button, Dialog, DialogTrigger, Heading, Modal } from 'react-aria-components';

interface Props {
  name: string;
  onDelete: () => void;
}

/** Delete with a confirmation; the memo can still be brought back with undo. */
export function DeleteMemoButton({ name, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className="tool tool--small memo-editor__delete">{t('memos.delete')}</Button>
      <Modal isDismissable className="modal">
        <Dialog role="alertdialog" className="dialog">
          {({ close }) => (
            <>
              <Heading slot="title">{t('memos.confirmTitle')}</Heading>
              <p>{t('memos.confirmBody', { title: name })}</p>
              <div className="dialog__actions">
                <Button className="button" onPress={close} autoFocus>
                  {t('memos.cancel')}
                </Button>
                <Button
                  className="button button--danger"
                  onPress={() => {
                    close();
                    onDelete();
                  }}
                >
                  {t('memos.delete')}
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}
